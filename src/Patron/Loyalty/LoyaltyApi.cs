using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Patron.Platform;
using Patron.Platform.Security;

namespace Patron.Loyalty;

/// <summary>
/// The till (quote, then commit with an idempotency key), coupons and manual point adjustments. The till needs
/// loyalty.till; reading loyalty.view; setup, issuing and adjusting loyalty.manage.
/// </summary>
public static class LoyaltyApi
{
    public static IEndpointRouteBuilder MapLoyaltyApi(this IEndpointRouteBuilder api)
    {
        var loyalty = api.MapGroup("/loyalty").WithTags("Loyalty");
        loyalty.MapPost("/till/quote", QuoteAsync).WithName("QuoteTill").RequireAuthorization(Permissions.LoyaltyTill)
            .WithSummary("Coupons, tier discount and points a customer can use on a cart").ProducesProblem(StatusCodes.Status404NotFound);
        loyalty.MapPost("/till/commit", CommitAsync).WithName("CommitTill").RequireAuthorization(Permissions.LoyaltyTill)
            .WithSummary("Use coupons and points on a sale, atomically (idempotent on idempotencyKey)")
            .WithDescription("201 with what was applied; 200 with the first answer when the key was used before, in which case nothing is written.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        loyalty.MapGet("/customers/{id:guid}/points", BalanceAsync).WithName("GetPointsBalance").RequireAuthorization(Permissions.LoyaltyView)
            .WithSummary("A customer's points: total, available, pending and upcoming expiries");
        loyalty.MapPost("/customers/{id:guid}/adjustments", AdjustAsync).WithName("AdjustPoints").RequireAuthorization(Permissions.LoyaltyManage)
            .WithSummary("A manual credit or debit of points, with a reason (audited)").ProducesProblem(StatusCodes.Status404NotFound);
        loyalty.MapPost("/coupon-templates", CreateTemplateAsync).WithName("CreateCouponTemplate").RequireAuthorization(Permissions.LoyaltyManage)
            .WithSummary("A coupon template");
        loyalty.MapPost("/coupons", IssueAsync).WithName("IssueCoupon").RequireAuthorization(Permissions.LoyaltyManage)
            .WithSummary("Issue a coupon to one customer (idempotent on issueKey)").ProducesProblem(StatusCodes.Status404NotFound);
        loyalty.MapGet("/customers/{id:guid}", MemberAsync).WithName("GetMemberLoyalty").RequireAuthorization(Permissions.LoyaltyView)
            .WithSummary("A customer's tier and progress to the next, points and coupons").ProducesProblem(StatusCodes.Status404NotFound);
        loyalty.MapGet("/earn-rules", async (SaveEarnRuleHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithName("ListEarnRules").RequireAuthorization(Permissions.LoyaltyView).WithSummary("Points multipliers per product and category");
        loyalty.MapPut("/earn-rules", SaveRuleAsync).WithName("SaveEarnRule").RequireAuthorization(Permissions.LoyaltyManage)
            .WithSummary("Set the multiplier of a product or a category (0 excludes it)");
        loyalty.MapGet("/member-days", async (SaveMemberDayHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithName("ListMemberDays").RequireAuthorization(Permissions.LoyaltyView).WithSummary("Member days and their multipliers");
        loyalty.MapPost("/member-days", SaveDayAsync).WithName("CreateMemberDay").RequireAuthorization(Permissions.LoyaltyManage)
            .WithSummary("A member day: every given weekday or a day of the month");
        loyalty.MapPut("/member-days/{id:guid}", UpdateDayAsync).WithName("UpdateMemberDay").RequireAuthorization(Permissions.LoyaltyManage)
            .WithSummary("Change a member day, or switch it off with active = false");
        loyalty.MapGet("/reports/liability", async (LoyaltyReportsHandler h, CancellationToken ct) => TypedResults.Ok(await h.LiabilityAsync(ct)))
            .WithName("GetPointsLiability").RequireAuthorization(Permissions.LoyaltyView)
            .WithSummary("Outstanding points (available and pending) and what they are worth at the till");
        loyalty.MapGet("/reports/coupons", async (LoyaltyReportsHandler h, CancellationToken ct) => TypedResults.Ok(await h.CouponsAsync(ct)))
            .WithName("GetCouponPerformance").RequireAuthorization(Permissions.LoyaltyView)
            .WithSummary("Coupons issued and redeemed per template, and the sales of the orders that used them");
        loyalty.MapPost("/coupon-templates/{id:guid}/segment-issues", IssueToSegmentAsync).WithName("IssueCouponsToSegment")
            .RequireAuthorization(Permissions.LoyaltyManage).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Issue a template to every current member of a saved segment (idempotent on batchId), audited");
        loyalty.MapGet("/coupon-triggers", async (SaveCouponTriggerHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(null, ct)))
            .WithName("ListCouponTriggers").RequireAuthorization(Permissions.LoyaltyView).WithSummary("The templates issued on triggers");
        loyalty.MapPut("/coupon-triggers", SaveTriggerAsync).WithName("SaveCouponTrigger").RequireAuthorization(Permissions.LoyaltyManage)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Issue a template on a trigger: birthday, tier upgrade, first purchase or win-back (one per template and kind)");
        return api;
    }

    public sealed record SegmentIssueRequest(Guid SegmentId, string? BatchId);

    static async Task<Results<Ok<SegmentIssued>, ValidationProblem, ProblemHttpResult>> IssueToSegmentAsync(Guid id, SegmentIssueRequest request,
        IssueToSegmentHandler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new IssueToSegment(id, request.SegmentId, request.BatchId), ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("coupon template", id);
        return result.Value is { } done ? TypedResults.Ok(done) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<CouponTriggerView>, ValidationProblem, ProblemHttpResult>> SaveTriggerAsync(SaveCouponTrigger request,
        SaveCouponTriggerHandler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("coupon template", request.TemplateId);
        return result.Value is { } done ? TypedResults.Ok(done) : ApiResults.Invalid(result.Errors!);
    }

    public sealed record AdjustRequest(long Points, string? Reason, string? IdempotencyKey = null, DateTime? ExpiresAt = null);

    static async Task<Results<Ok<TillQuote>, ValidationProblem, ProblemHttpResult>> QuoteAsync(QuoteTill request, QuoteTillHandler handler,
        CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ct);
        if (result.NotFound) return ApiResults.NotFound("customer", request.CustomerId);
        return result.Value is { } quote ? TypedResults.Ok(quote) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Created<TillCommitted>, Ok<TillCommitted>, ValidationProblem, ProblemHttpResult>> CommitAsync(CommitTill request,
        CommitTillHandler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("customer", request.CustomerId);
        if (result.Value is not { } done) return ApiResults.Invalid(result.Errors!);
        return done.Replayed ? TypedResults.Ok(done) : TypedResults.Created($"/api/v1/loyalty/customers/{done.CustomerId}/points", done);
    }

    static async Task<Ok<PointsBalance>> BalanceAsync(Guid id, GetPointsBalanceHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, ct));

    static async Task<Results<Ok<PointsAdjusted>, ValidationProblem, ProblemHttpResult>> AdjustAsync(Guid id, AdjustRequest request,
        AdjustPointsHandler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new AdjustPoints(id, request.Points, request.Reason, request.IdempotencyKey, request.ExpiresAt),
            ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("customer", id);
        return result.Value is { } done ? TypedResults.Ok(done) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<MemberLoyalty>, ProblemHttpResult>> MemberAsync(Guid id, GetMemberLoyaltyHandler handler,
        Patron.Customers.Contracts.CustomerDirectory customers, CancellationToken ct) =>
        await customers.ExistsAsync(id, ct) ? TypedResults.Ok(await handler.HandleAsync(id, ct)) : ApiResults.NotFound("customer", id);

    static async Task<Results<Ok<EarnRuleView>, ValidationProblem>> SaveRuleAsync(SaveEarnRule request, SaveEarnRuleHandler handler,
        HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        return result.Value is { } rule ? TypedResults.Ok(rule) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Created<MemberDayView>, ValidationProblem>> SaveDayAsync(SaveMemberDay request, SaveMemberDayHandler handler,
        HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        return result.Value is { } day ? TypedResults.Created("/api/v1/loyalty/member-days", day) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<MemberDayView>, ValidationProblem, ProblemHttpResult>> UpdateDayAsync(Guid id, SaveMemberDay request,
        SaveMemberDayHandler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.UpdateAsync(id, request, ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("member day", id);
        return result.Value is { } day ? TypedResults.Ok(day) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Created<CouponTemplateCreated>, ValidationProblem>> CreateTemplateAsync(CreateCouponTemplate request,
        CreateCouponTemplateHandler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        return result.Value is { } done ? TypedResults.Created($"/api/v1/loyalty/coupon-templates/{done.Id}", done) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Created<CouponIssued>, Ok<CouponIssued>, ValidationProblem, ProblemHttpResult>> IssueAsync(IssueCoupon request,
        IssueCouponHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ct);
        if (result.NotFound) return ApiResults.NotFound("customer or template", request.CustomerId);
        if (result.Value is not { } done) return ApiResults.Invalid(result.Errors!);
        return done.Replayed ? TypedResults.Ok(done) : TypedResults.Created($"/api/v1/loyalty/coupons/{done.Id}", done);
    }
}

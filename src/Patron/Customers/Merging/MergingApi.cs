using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Platform.Security;

namespace Patron.Customers.Merging;

/// <summary>Identity resolution over the API: the review queue, merges and unmerges, a customer's merge history, batch runs.
/// Reading needs customers.view; every change needs customers.edit (a merge changes customers the way an edit does).</summary>
public static class MergingApi
{
    public static IEndpointRouteBuilder MapMergingApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Duplicates");
        group.MapGet("/duplicates", QueueAsync).WithName("ListDuplicateCandidates").RequireAuthorization(Permissions.CustomersView)
            .WithSummary("The review queue: pairs that may be one customer, best score first")
            .WithDescription("Both records side by side with the score and each field's contribution to it (Fellegi-Sunter weights that sum to the score). "
                + "Mobiles and emails are masked unless the caller holds customers.reveal and asks with reveal=true (audited).");
        group.MapPost("/duplicates/{candidateId:guid}/accept", (Guid candidateId, HttpContext http, DecideCandidateHandler h, CancellationToken ct) => DecideAsync(candidateId, true, http, h, ct))
            .WithName("AcceptDuplicateCandidate").RequireAuthorization(Permissions.CustomersEdit)
            .WithSummary("Merge a queued pair").WithDescription("The older record survives; see the merge rules in the documentation.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/duplicates/{candidateId:guid}/reject", (Guid candidateId, HttpContext http, DecideCandidateHandler h, CancellationToken ct) => DecideAsync(candidateId, false, http, h, ct))
            .WithName("RejectDuplicateCandidate").RequireAuthorization(Permissions.CustomersEdit)
            .WithSummary("Mark a queued pair as two different customers").WithDescription("A rejected pair is never queued or merged automatically again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/merges", MergeAsync).WithName("MergeCustomers").RequireAuthorization(Permissions.CustomersEdit)
            .WithSummary("Merge two customers by id")
            .WithDescription("The older record survives and takes each field's best value; orders, events, identifiers, points, coupons, segment stays and forecasts move to it. "
                + "Refused with a reason when both customers hold a points account or a tier.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/merges/{mergeId:guid}/undo", UnmergeAsync).WithName("UnmergeCustomers").RequireAuthorization(Permissions.CustomersEdit)
            .WithSummary("Undo a merge").WithDescription("Both customers get back the values they had and every row the merge moved goes back.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/merges", HistoryAsync).WithName("CustomerMergeHistory").RequireAuthorization(Permissions.CustomersView)
            .WithSummary("The merges a customer took part in, newest first");
        group.MapPost("/matching-runs", RunAsync).WithName("RunCustomerMatching").RequireAuthorization(Permissions.CustomersEdit)
            .WithSummary("Match all customers now")
            .WithDescription("Scores every customer against its blocking candidates, merges pairs at or above the merge threshold and queues those above the review threshold. "
                + "Pairs already decided are left alone. dryRun=true reports what would happen and writes nothing.");
        return api;
    }

    static async Task<Ok<Page<ReviewItem>>> QueueAsync([Description("Zero-based page index.")] int? page, int? pageSize,
        [Description("Show whole mobiles and emails; needs customers.reveal.")] bool? reveal, HttpContext http, ListReviewQueueHandler handler, AuditLog audit, CancellationToken ct)
    {
        var revealed = reveal == true && await ApiResults.HoldsAsync(http, Permissions.CustomersReveal);
        var result = await handler.HandleAsync(new ListReviewQueue(page ?? 0, pageSize ?? 25, revealed), ct);
        if (revealed)
            await audit.RecordAsync(ApiResults.Actor(http), AuditAction.Reveal, "duplicate-queue", detail: $"{result.Items.Count} pairs, page {result.PageIndex}", ct: ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<CandidateDecided>, ValidationProblem, ProblemHttpResult>> DecideAsync(Guid candidateId, bool accept, HttpContext http, DecideCandidateHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new DecideCandidate(candidateId, accept), ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("candidate", candidateId);
        return result.Value is { } v ? TypedResults.Ok(v) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<MergeDone>, ValidationProblem, ProblemHttpResult>> MergeAsync(MergeCustomers request, HttpContext http, MergeCustomersHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("customer", request.OtherCustomerId);
        return result.Value is { } v ? TypedResults.Ok(v) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<MergeDone>, ValidationProblem, ProblemHttpResult>> UnmergeAsync(Guid mergeId, HttpContext http, UnmergeCustomersHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new UnmergeCustomers(mergeId), ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("merge", mergeId);
        return result.Value is { } v ? TypedResults.Ok(v) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Ok<IReadOnlyList<MergeView>>> HistoryAsync(Guid id, MergeHistoryHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, ct));

    static async Task<Ok<MatchRunReport>> RunAsync([Description("Report only, write nothing.")] bool? dryRun, RunMatchingHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new RunMatching(dryRun == true), ct));
}

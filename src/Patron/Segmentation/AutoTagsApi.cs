using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Patron.Platform;
using Patron.Platform.Security;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

public static class AutoTagsApi
{
    public static IEndpointRouteBuilder MapAutoTagsApi(this IEndpointRouteBuilder api)
    {
        var rules = api.MapGroup("/segments/auto-tags").WithTags("Segments");
        rules.MapGet("/", ListAsync).WithName("ListAutoTagRules").RequireAuthorization(Permissions.SegmentsView)
            .WithSummary("Auto-tag rules, by name");
        rules.MapPost("/", CreateAsync).WithName("CreateAutoTagRule").RequireAuthorization(Permissions.SegmentsEdit)
            .WithSummary("Save an auto-tag rule").WithDescription("The rule (same JSON as a segment's) is checked against today's features. "
                + "The next refresh (within seconds) tags the customers who match and, later, untags those who stop matching.");
        rules.MapGet("/{id:guid}", GetAsync).WithName("GetAutoTagRule").RequireAuthorization(Permissions.SegmentsView)
            .WithSummary("An auto-tag rule").ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateAutoTagRule").RequireAuthorization(Permissions.SegmentsEdit)
            .WithSummary("Replace an auto-tag rule's name, tag, rule or enabled flag").ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAutoTagRule").RequireAuthorization(Permissions.SegmentsEdit)
            .WithSummary("Delete an auto-tag rule, taking its tag off the customers it tagged").ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapGet("/{id:guid}/history", HistoryAsync).WithName("ListAutoTagHistory").RequireAuthorization(Permissions.SegmentsView)
            .WithSummary("Who matched the rule and when, newest first (at most 1,000)").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<Ok<IReadOnlyList<AutoTagRuleView>>> ListAsync(AutoTagQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    static async Task<Results<Created<AutoTagRuleView>, ValidationProblem>> CreateAsync(SaveAutoTagRule request, HttpContext http,
        SaveAutoTagRuleHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(null, request, ApiResults.Actor(http), ct);
        return result.Value is { } r ? TypedResults.Created($"/api/v1/segments/auto-tags/{r.Id}", r) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<AutoTagRuleView>, ProblemHttpResult>> GetAsync(Guid id, AutoTagQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } r ? TypedResults.Ok(r) : ApiResults.NotFound("auto-tag rule", id);

    static async Task<Results<Ok<AutoTagRuleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, SaveAutoTagRule request,
        HttpContext http, SaveAutoTagRuleHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, request, ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("auto-tag rule", id);
        return result.Value is { } r ? TypedResults.Ok(r) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, DeleteAutoTagRuleHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ApiResults.Actor(http), ct) ? TypedResults.NoContent() : ApiResults.NotFound("auto-tag rule", id);

    static async Task<Results<Ok<IReadOnlyList<AutoTagHistoryEntry>>, ProblemHttpResult>> HistoryAsync(Guid id, int? take, AutoTagQueries queries,
        CancellationToken ct) =>
        await queries.GetAsync(id, ct) is null ? ApiResults.NotFound("auto-tag rule", id) : TypedResults.Ok(await queries.HistoryAsync(id, take ?? 100, ct));
}

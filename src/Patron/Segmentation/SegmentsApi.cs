using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Patron.Platform;
using Patron.Platform.Security;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

public static class SegmentsApi
{
    public static IEndpointRouteBuilder MapSegmentsApi(this IEndpointRouteBuilder api)
    {
        var segments = api.MapGroup("/segments").WithTags("Segments");
        segments.MapGet("/", ListAsync).WithName("ListSegments").RequireAuthorization(Permissions.SegmentsView)
            .WithSummary("Saved segments with their current size, by name");
        segments.MapPost("/", CreateAsync).WithName("CreateSegment").RequireAuthorization(Permissions.SegmentsEdit)
            .WithSummary("Save a segment").WithDescription("The rule is checked against today's features; each problem comes back "
                + "under its path, e.g. rule.all[1].value. Members are filled in by the next refresh (within seconds).");
        segments.MapPost("/preview", PreviewAsync).WithName("PreviewSegment").RequireAuthorization(Permissions.SegmentsView)
            .WithSummary("Count and sample members of an unsaved rule").WithDescription("Evaluated in memory over every customer; nothing is saved.");
        segments.MapGet("/{id:guid}", GetAsync).WithName("GetSegment").RequireAuthorization(Permissions.SegmentsView)
            .WithSummary("A segment").ProducesProblem(StatusCodes.Status404NotFound);
        segments.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateSegment").RequireAuthorization(Permissions.SegmentsEdit)
            .WithSummary("Replace a segment's name, description and rule").ProducesProblem(StatusCodes.Status404NotFound);
        segments.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteSegment").RequireAuthorization(Permissions.SegmentsEdit)
            .WithSummary("Delete a segment and its membership history").ProducesProblem(StatusCodes.Status404NotFound);
        segments.MapGet("/{id:guid}/members", MembersAsync).WithName("ListSegmentMembers").RequireAuthorization(Permissions.SegmentsView, Permissions.CustomersView)
            .WithSummary("Current members, longest-standing first").ProducesProblem(StatusCodes.Status404NotFound);
        segments.MapGet("/{id:guid}/sizes", SizesAsync).WithName("ListSegmentSizes").RequireAuthorization(Permissions.SegmentsView)
            .WithSummary("The segment's size after each refresh that changed it, oldest first").ProducesProblem(StatusCodes.Status404NotFound);
        segments.MapGet("/{id:guid}/export", ExportAsync).WithName("ExportSegmentMembers").RequireAuthorization(Permissions.SegmentsExport)
            .WithSummary("Current members as CSV (customer_id,name,entered_at); audited").Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        segments.MapGet("/lifecycle/transitions", TransitionsAsync).WithName("GetLifecycleTransitions").RequireAuthorization(Permissions.SegmentsView)
            .WithSummary("Month-over-month lifecycle transition matrix").WithDescription("Customers per [state at the end of the previous month, "
                + "state at the end of the month], states indexed as prospect, new, active, dormant, churned. month is YYYY-MM, one of the last "
                + "12 completed months (default: the last). Computed from the whole purchase history, then cached until a late order or a refund.");
        return api.MapAutoTagsApi();
    }

    static async Task<Ok<IReadOnlyList<SegmentView>>> ListAsync(ListSegmentsHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(ct));

    static async Task<Results<Created<SegmentView>, ValidationProblem>> CreateAsync(CreateSegment request, HttpContext http,
        CreateSegmentHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        return result.Value is { } s ? TypedResults.Created($"/api/v1/segments/{s.Id}", s) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<SegmentPreview>, ValidationProblem>> PreviewAsync(PreviewSegment request, PreviewSegmentHandler handler,
        CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ct);
        return result.Value is { } p ? TypedResults.Ok(p) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<SegmentView>, ProblemHttpResult>> GetAsync(Guid id, GetSegmentHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is { } s ? TypedResults.Ok(s) : ApiResults.NotFound("segment", id);

    static async Task<Results<Ok<SegmentView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, UpdateSegment request,
        HttpContext http, UpdateSegmentHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, request, ApiResults.Actor(http), ct);
        if (result.NotFound) return ApiResults.NotFound("segment", id);
        return result.Value is { } s ? TypedResults.Ok(s) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, DeleteSegmentHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ApiResults.Actor(http), ct) ? TypedResults.NoContent() : ApiResults.NotFound("segment", id);

    static async Task<Results<Ok<Page<SegmentMember>>, ProblemHttpResult>> MembersAsync(Guid id,
        [Description("Zero-based page index.")] int? page, int? pageSize, ListSegmentMembersHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, page ?? 0, pageSize ?? 25, ct) is { } p ? TypedResults.Ok(p) : ApiResults.NotFound("segment", id);

    static async Task<Results<Ok<IReadOnlyList<SegmentSizePoint>>, ProblemHttpResult>> SizesAsync(Guid id, GetSegmentHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is null ? ApiResults.NotFound("segment", id) : TypedResults.Ok(await handler.SizesAsync(id, ct: ct));

    static async Task<Results<Ok<LifecycleTransitionsView>, ValidationProblem>> TransitionsAsync(
        [Description("YYYY-MM, e.g. 2026-10.")] string? month, GetLifecycleTransitionsHandler handler, CancellationToken ct)
    {
        DateOnly? first = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!DateOnly.TryParseExact(month.Trim(), "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var parsed))
            {
                var errors = new ValidationErrors();
                errors.Add("month", "Expected YYYY-MM, e.g. 2026-10. 格式应为 YYYY-MM。");
                return ApiResults.Invalid(errors);
            }
            first = parsed;
        }
        var result = await handler.HandleAsync(new GetLifecycleTransitions(first), ct);
        return result.Value is { } v ? TypedResults.Ok(v) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(Guid id, HttpContext http, GetSegmentHandler get,
        ExportSegmentMembersHandler export, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is null) return ApiResults.NotFound("segment", id);
        var actor = ApiResults.Actor(http);
        // A byte-order mark, so that Excel opens the Chinese names as UTF-8.
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await export.HandleAsync(id, actor, writer, ct);
        }, "text/csv; charset=utf-8", $"segment-{id}.csv");
    }
}

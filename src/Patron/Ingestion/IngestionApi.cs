using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Text;
using Patron.Ingestion.Batches;
using Patron.Ingestion.Import;
using Patron.Platform;
using Patron.Platform.Security;

namespace Patron.Ingestion;

public static class IngestionApi
{
    const string Common = "Up to 10,000 items per request (more: 400, nothing written); one item is a batch of one. Each item goes through the " +
        "cleaning and matching of a file import and is reported by index and externalId as Accepted, Duplicate (ingested before: nothing " +
        "changed) or Rejected with its reasons; rejected items are kept in the quarantine of the job the response names. " +
        "Replaying a batch changes nothing and reports its items as duplicates. The batch is written in one transaction.";

    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder api)
    {
        var ingest = api.MapGroup("/ingest").WithTags("Ingestion").RequireAuthorization(Permissions.IngestWrite);
        ingest.MapPost("/customers", CustomersAsync).WithName("IngestCustomers")
            .WithSummary("Ingest customers (member sign-ups, CRM records) in a batch")
            .WithDescription(Common + " A customer is matched to an existing one by member card, mobile, email or its source-scoped externalId, else created.");
        ingest.MapPost("/orders", OrdersAsync).WithName("IngestOrders")
            .WithSummary("Ingest orders (POS transactions, online-shop orders) in a batch")
            .WithDescription(Common + " Idempotent per channel + externalId; an order is written whole or rejected whole; its buyer is matched or created.");
        ingest.MapPost("/events", EventsAsync).WithName("IngestEvents")
            .WithSummary("Ingest behaviour events (store visits, views, add to cart, searches) in a batch")
            .WithDescription(Common + " Idempotent per source + externalId; an event whose customer is not known is rejected, never creates one.");
        ingest.MapPost("/refunds", RefundsAsync).WithName("IngestRefunds")
            .WithSummary("Ingest refunds (till and shop refunds of known orders) in a batch")
            .WithDescription(Common.Replace(" The batch is written in one transaction.", "") + " Each refund names its order by the batch's channel + " +
                "the order's externalId and is idempotent on its own externalId there; it is recorded exactly as a refund made in Patron " +
                "(never more than was paid; loyalty points and customer features follow) and commits on its own, so a batch cut short " +
                "is finished by replaying it. An unknown order or an amount over what is left to refund rejects the item.");
        ingest.MapGet("/jobs", JobsAsync).WithName("ListImportJobs").WithSummary("Recent import jobs (files and API batches), newest first");
        ingest.MapGet("/jobs/{id:guid}/quarantine", QuarantineAsync).WithName("DownloadQuarantine")
            .WithSummary("A job's rejected rows as CSV: the original columns and a last column patron_reasons")
            .WithDescription("The download is recorded in the audit log (who, which job, how many rows): the rows are personal data.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<Ok<List<ImportJobView>>> JobsAsync(int? take, ListImportJobsHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(take ?? 20, ct));

    static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> QuarantineAsync(Guid id, ListImportJobsHandler jobs,
        ExportQuarantineHandler export, HttpContext http, CancellationToken ct)
    {
        if (await jobs.FindAsync(id, ct) is null) return ApiResults.NotFound("import job", id);
        // A byte-order mark, so that Excel opens the Chinese cells as UTF-8.
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await export.WriteCsvAsync(id, ApiResults.Actor(http), writer, ct);
        }, "text/csv; charset=utf-8", $"quarantine-{id}.csv");
    }

    static async Task<Results<Ok<IngestResult>, ValidationProblem>> CustomersAsync(IngestBatch<IngestCustomer> batch, IngestBatchHandler handler, CancellationToken ct) =>
        Reply(await handler.CustomersAsync(batch, ct));

    static async Task<Results<Ok<IngestResult>, ValidationProblem>> OrdersAsync(IngestBatch<IngestOrder> batch, IngestBatchHandler handler, CancellationToken ct) =>
        Reply(await handler.OrdersAsync(batch, ct));

    static async Task<Results<Ok<IngestResult>, ValidationProblem>> EventsAsync(IngestBatch<IngestEvent> batch, IngestBatchHandler handler, CancellationToken ct) =>
        Reply(await handler.EventsAsync(batch, ct));

    static async Task<Results<Ok<IngestResult>, ValidationProblem>> RefundsAsync(IngestBatch<IngestRefund> batch, IngestRefundsHandler handler, CancellationToken ct) =>
        Reply(await handler.HandleAsync(batch, ct));

    static Results<Ok<IngestResult>, ValidationProblem> Reply(WriteResult<IngestResult> result) =>
        result.Value is { } value ? TypedResults.Ok(value) : ApiResults.Invalid(result.Errors!);
}

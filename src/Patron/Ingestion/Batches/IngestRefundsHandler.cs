using System.Globalization;
using System.Text.Json;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;
using Patron.Platform;

namespace Patron.Ingestion.Batches;

/// <summary>
/// Ingests a batch of refunds as an import job named "api". Each refund goes through Commerce's refund handler
/// (<see cref="IOrderRefunds"/>) and commits on its own, so that the order's observers (loyalty points reversal,
/// segment features) hear of it exactly as of a refund made in the UI. A replay finds each refund by its order and
/// id and reports it as a duplicate; after a crash midway, replaying the batch finishes it. Rejected items are
/// quarantined with their reasons, the cells being the item's fields.
/// </summary>
public sealed class IngestRefundsHandler(PatronDb db, IOrderRefunds refunds, Quarantine quarantine, TimeProvider clock)
{
    const int MaxExternalId = 100;
    static readonly string[] Headers = ["externalId", "orderId", "amount", "refundedAt", "reason", "lines"];

    public async Task<WriteResult<IngestResult>> HandleAsync(IngestBatch<IngestRefund> batch, CancellationToken ct)
    {
        var source = batch.Source?.Trim() ?? "";
        var errors = IngestBatchHandler.Check(source, batch.Items?.Count);
        if (errors.Any) return WriteResult<IngestResult>.Invalid(errors);

        var channel = batch.Channel ?? SalesChannel.OnlineShop;
        var items = batch.Items!;
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ImportJob
        {
            Id = Ids.New(), Source = source, FileName = "api", Kind = ImportKind.Refunds, Status = ImportStatus.Running,
            HeadersJson = JsonSerializer.Serialize(Headers), MappingJson = "", StartedAt = now,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);

        var results = new List<IngestItemResult>(items.Count);
        var rejected = new List<(SourceRow Row, string Reasons)>();
        long created = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? new IngestRefund("", "");
            var (status, reasons) = await RefundAsync(item, channel, ct);
            // Each refund is its own unit of work: a tracker growing with the batch would make every save slower.
            db.ChangeTracker.Clear();
            results.Add(new IngestItemResult(i, items[i]?.ExternalId, status, reasons));
            if (status == IngestStatus.Accepted) created++;
            if (status == IngestStatus.Rejected) rejected.Add((Row(i, item), string.Join("; ", reasons!)));
        }

        job.RowsRead = items.Count;
        job.RowsRejected = rejected.Count;
        job.RowsAccepted = items.Count - rejected.Count;
        job.DuplicatesSkipped = results.Count(r => r.Status == IngestStatus.Duplicate);
        job.Status = ImportStatus.Completed;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await quarantine.KeepAsync(job.Id, source, ImportKind.Refunds, rejected, now, ct);
            db.Update(job);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        int Count(IngestStatus s) => results.Count(r => r.Status == s);
        return WriteResult<IngestResult>.Ok(new IngestResult(job.Id, results.Count, Count(IngestStatus.Accepted), Count(IngestStatus.Duplicate),
            Count(IngestStatus.Rejected), 0, 0, 0, 0, results, RefundsCreated: created));
    }

    async Task<(IngestStatus, IReadOnlyList<RowProblem>?)> RefundAsync(IngestRefund item, SalesChannel channel, CancellationToken ct)
    {
        var reasons = new List<RowProblem>();
        var id = item.ExternalId?.Trim();
        if (string.IsNullOrEmpty(id)) reasons.Add(RowProblem.ExternalIdRequired());
        else if (id.Length > MaxExternalId) reasons.Add(RowProblem.TooLong("externalId", MaxExternalId));
        if (string.IsNullOrWhiteSpace(item.OrderId)) reasons.Add(RowProblem.RefundOrderIdRequired());
        DateTime? at = null;
        if (!string.IsNullOrWhiteSpace(item.RefundedAt))
        {
            at = LocalTime.ToUtcOrProblem(item.RefundedAt, ColumnMapping.ChinaOffsetHours, null, out var problem);
            if (problem is not null) reasons.Add(problem.At("refundedAt", item.RefundedAt));
        }
        if (reasons.Count > 0) return (IngestStatus.Rejected, reasons);

        var lines = item.Lines?.Select(l => new ExternalRefundLine(l?.LineNo ?? 0, l?.Amount)).ToList();
        var outcome = await refunds.RefundAsync(new ExternalRefund(channel, item.OrderId, id!, item.Amount, lines, at, item.Reason), ct);
        return outcome.Status switch
        {
            ExternalRefundStatus.Refunded => (IngestStatus.Accepted, null),
            ExternalRefundStatus.Replayed => (IngestStatus.Duplicate, null),
            _ => (IngestStatus.Rejected, [.. outcome.Reasons.Select(RowProblem.RefundRefused)]),
        };
    }

    static SourceRow Row(int index, IngestRefund item) => new(index + 1,
    [
        item.ExternalId ?? "", item.OrderId ?? "", item.Amount?.ToString(CultureInfo.InvariantCulture) ?? "", item.RefundedAt ?? "", item.Reason ?? "",
        string.Join(' ', (item.Lines ?? []).Select(l => l is null ? "" : $"{l.LineNo}:{l.Amount?.ToString(CultureInfo.InvariantCulture)}")),
    ]);
}

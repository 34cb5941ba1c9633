using System.Text.Json;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;
using Patron.Platform;

namespace Patron.Ingestion.Batches;

/// <summary>
/// Ingests an API batch in one transaction as an import job named "api": the items become rows (<see cref="IngestRows"/>)
/// and go through the file import's cleaning, matching, writers and quarantine, then each item is reported. Replaying
/// a batch writes nothing and reports the items as duplicates (orders by channel + externalId, events by source +
/// externalId, customers by their source-scoped id); rejected items are quarantined again under the new job. Two requests
/// racing with the same new keys both answer: the one that loses on a unique index runs again and sees duplicates.
/// </summary>
public sealed class IngestBatchHandler(
    PatronDb db, CustomerImportWriter customers, OrderImportWriter orders, EventImportWriter events, OrderKeys orderKeys,
    CustomerKeys customerKeys, Quarantine quarantine, TimeProvider clock)
{
    const int MaxExternalId = 64;
    // A third request racing the retry is the only reason for more than two.
    const int MaxAttempts = 3;

    public Task<WriteResult<IngestResult>> CustomersAsync(IngestBatch<IngestCustomer> batch, CancellationToken ct) =>
        RunAsync(batch.Source, batch.Items?.Count, () => IngestRows.Of(batch.Items!), batch.Channel ?? SalesChannel.OnlineShop, ct);

    public Task<WriteResult<IngestResult>> OrdersAsync(IngestBatch<IngestOrder> batch, CancellationToken ct) =>
        RunAsync(batch.Source, batch.Items?.Count, () => IngestRows.Of(batch.Items!), batch.Channel ?? SalesChannel.OnlineShop, ct);

    public Task<WriteResult<IngestResult>> EventsAsync(IngestBatch<IngestEvent> batch, CancellationToken ct) =>
        RunAsync(batch.Source, batch.Items?.Count, () => IngestRows.Of(batch.Items!), batch.Channel ?? SalesChannel.App, ct);

    async Task<WriteResult<IngestResult>> RunAsync(string? rawSource, int? count, Func<IngestRows> toRows, SalesChannel channel, CancellationToken ct)
    {
        var source = rawSource?.Trim() ?? "";
        var errors = Check(source, count);
        if (errors.Any) return WriteResult<IngestResult>.Invalid(errors);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return WriteResult<IngestResult>.Ok(await WriteAsync(source, toRows(), channel, ct));
            }
            catch (Exception e) when (attempt < MaxAttempts && UniqueRace.Lost(e))
            {
                // A concurrent request (a client retrying while the first is still running) wrote some of the same new
                // keys between this one's reads and writes. A unique index makes the later writer wait for the earlier
                // one's commit, so it has committed now: run again, and the reads find its rows and report duplicates.
                db.ChangeTracker.Clear();
            }
        }
    }

    async Task<IngestResult> WriteAsync(string source, IngestRows rows, SalesChannel channel, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mapping = rows.Mapping(channel);
        var (index, _) = mapping.Resolve(rows.Headers);
        var job = new ImportJob
        {
            Id = Ids.New(), Source = source, FileName = "api", Kind = rows.Kind, Status = ImportStatus.Running,
            HeadersJson = JsonSerializer.Serialize(rows.Headers), MappingJson = mapping.ToJson(), StartedAt = now,
        };
        var run = new IngestRun(rows, job);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(job);
        await db.SaveChangesAsync(ct);

        run.CheckExternalIds(rows.Kind == ImportKind.Events ? EventImportWriter.MaxExternalId : MaxExternalId);
        if (rows.Kind == ImportKind.Orders) run.MarkRepeatedOrders();
        await quarantine.KeepAsync(job.Id, source, rows.Kind, run.PreRejectedRows(), now, ct);
        var stores = await orders.StoreKeysAsync(ct);
        if (rows.Kind == ImportKind.Events)
        {
            var writer = new EventBatchWriter(events, quarantine, new EventRowCleaner(mapping, index, source, now, stores), job);
            var outcomes = await writer.WriteRowsAsync(run.Pending(), now, ct);
            run.Record(outcomes);
        }
        else
        {
            var known = await KnownAsync(run, mapping, index, source, channel, now, ct);
            var writer = new BatchWriter(customers, orders, new RowCleaner(mapping, index, source, now), job, mapping, stores);
            foreach (var chunk in run.Chunks(ImportReport.MaxListed))
            {
                var listed = new List<RejectedRow>();
                run.Add(await writer.WriteAsync(db, chunk, now, listed, ct), listed);
            }
            run.MarkDuplicates(known);
        }
        job.Status = ImportStatus.Completed;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return run.Result();
    }

    /// <summary>The checks of every batch, before anything is written.</summary>
    internal static ValidationErrors Check(string source, int? count)
    {
        var errors = new ValidationErrors();
        if (source.Length is 0 or > 64) errors.Add("source", "The source name needs 1 to 64 characters.");
        if (count is null or 0) errors.Add("items", "At least one item.");
        else if (count > IngestBatch<IngestEvent>.MaxItems)
            errors.Add("items", $"At most {IngestBatch<IngestEvent>.MaxItems:N0} items per request; this one has {count:N0}. Split it into several requests.");
        return errors;
    }

    /// <summary>The items whose key existed before this batch: orders by channel + id, customers by their source-scoped id.</summary>
    async Task<HashSet<int>> KnownAsync(IngestRun run, ColumnMapping mapping, int[] index, string source, SalesChannel channel, DateTime now, CancellationToken ct)
    {
        var pending = run.Pending();
        var known = new HashSet<int>();
        if (mapping.Kind == ImportKind.Orders)
        {
            var ids = pending.Select(r => LateOrderRows.Id(r, index[(int)TargetField.OrderId])).Where(i => i is not null).Select(i => i!).ToList();
            var existing = await orderKeys.ExistingAsync(channel, ids, ct);
            foreach (var r in pending)
                if (LateOrderRows.Id(r, index[(int)TargetField.OrderId]) is { } id && existing.Contains(id)) known.Add(run.ItemOf(r));
            return known;
        }
        var cleaner = new RowCleaner(mapping, index, source, now);
        var buyers = pending.Select(r => (Row: r, Buyer: cleaner.Clean(r).Customer?.BuyerId)).Where(p => p.Buyer is not null).ToList();
        var owned = await customerKeys.OwnedAsync(IdentifierKind.PlatformBuyerId, buyers.Select(b => b.Buyer!).ToList(), ct);
        foreach (var (row, buyer) in buyers)
            if (owned.Contains(buyer!)) known.Add(run.ItemOf(row));
        return known;
    }
}

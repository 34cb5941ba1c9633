using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;
using Patron.Platform;
using Patron.Platform.Bulk;

namespace Patron.Ingestion.Import;

/// <param name="Source">Names where the file comes from (a shop, a till system): mappings are remembered per source,
/// and the quarantine and platform buyer ids are keyed by it.</param>
public sealed record RunImport(
    string Path, ImportKind Kind, string Source = "default", ColumnMapping? Mapping = null, string? Preset = null,
    int BatchSize = RunImport.DefaultBatchSize)
{
    // Each batch costs a handful of lookups and a commit whatever its size; 20,000 rows keep that under a few percent.
    public const int DefaultBatchSize = 20_000;
}

/// <summary>
/// Streams a file through cleaning into customers, orders and the quarantine, committing each batch in its own
/// transaction together with the job's counts. A killed run leaves whole batches; running the file again skips what
/// they wrote (orders by source + external id, customers by identifier, quarantine by row key) and so ends where one
/// clean run ends. Rows of one order are kept in one batch when they are adjacent in the file.
/// </summary>
public sealed class RunImportHandler(
    PatronDb db, SourceMappings mappings, CustomerImportWriter customers, OrderImportWriter orders, Quarantine quarantine, TimeProvider clock)
{
    public async Task<ImportReport> HandleAsync(RunImport request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var source = Check(request);
        var file = new FileStream(request.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var table = TableFile.OpenFile(file, request.Path);
        var mapping = await mappings.ChooseAsync(source, request.Kind, request.Mapping, request.Preset, table.Headers, ct);
        var (index, problems) = mapping.Resolve(table.Headers);
        if (problems.Count > 0) throw new ImportRefused(problems);

        var now = clock.GetUtcNow().UtcDateTime;
        await mappings.RememberAsync(source, mapping, ct);
        var job = new ImportJob
        {
            Id = Ids.New(), Source = source, FileName = Truncate(System.IO.Path.GetFileName(request.Path), 260), Kind = request.Kind,
            Status = ImportStatus.Running, HeadersJson = JsonSerializer.Serialize(table.Headers), MappingJson = mapping.ToJson(), StartedAt = now,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);

        var stores = await orders.StoreKeysAsync(ct);
        // One cleaner, used only by the reading thread of CleanAhead (its caches are not thread-safe).
        var cleaner = new RowCleaner(mapping, index, source, now);
        var writer = new BatchWriter(customers, orders, quarantine, cleaner, job, mapping, stores);
        var listed = new List<RejectedRow>();
        var total = file.Length;
        await using (await BulkWriter.PrepareForLargeLoadAsync(db, ct))
        {
            try
            {
                var batch = new List<CleanRow>(request.BatchSize);
                var orderColumn = index[(int)TargetField.OrderId];
                string? lastOrder = null;
                await foreach (var row in CleanAhead.Rows(table.Rows(), cleaner, ct))
                {
                    var order = orderColumn >= 0 ? row.Source.Cell(orderColumn).Trim() : null;
                    if (batch.Count >= request.BatchSize && (order is null || order != lastOrder))
                        await CommitAsync(job, writer, batch, listed, progress, file.Position, total, ct);
                    batch.Add(row);
                    lastOrder = order;
                }
                if (batch.Count > 0) await CommitAsync(job, writer, batch, listed, progress, total, total, ct);
                await FinishAsync(job, ImportStatus.Completed, null, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                await FinishAsync(job, ImportStatus.Cancelled, null, CancellationToken.None);
                throw;
            }
            catch (Exception e)
            {
                await FinishAsync(job, ImportStatus.Failed, Truncate(e.Message, 2000), CancellationToken.None);
                throw;
            }
        }
        return ImportReport.From(job, listed);
    }

    async Task CommitAsync(ImportJob job, BatchWriter writer, List<CleanRow> batch, List<RejectedRow> listed,
        IProgress<ImportProgress>? progress, long position, long total, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var before = Snapshot(job);
        var listedBefore = listed.Count;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var counts = await writer.WriteCleanedAsync(batch, clock.GetUtcNow().UtcDateTime, listed, ct);
            Add(job, counts);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            // The batch rolled back: so must the job's counts, or the final save would record rows that are not there.
            Restore(job, before);
            listed.RemoveRange(listedBefore, listed.Count - listedBefore);
            db.ChangeTracker.Entries().Where(e => e.Entity is not ImportJob).ToList().ForEach(e => e.State = EntityState.Detached);
            throw;
        }
        batch.Clear();
        progress?.Report(new ImportProgress(job.RowsRead, job.RowsRejected, position, total));
    }

    async Task FinishAsync(ImportJob job, ImportStatus status, string? error, CancellationToken ct)
    {
        job.Status = status;
        job.Error = error;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    static void Add(ImportJob j, BatchCounts c)
    {
        j.RowsRead += c.Read; j.RowsAccepted += c.Accepted; j.RowsRejected += c.Rejected;
        j.CustomersCreated += c.CustomersCreated; j.CustomersMatched += c.CustomersMatched;
        j.OrdersCreated += c.OrdersCreated; j.OrderLinesCreated += c.LinesCreated; j.DuplicatesSkipped += c.Duplicates;
    }

    static BatchCounts Snapshot(ImportJob j) => new(j.RowsRead, j.RowsAccepted, j.RowsRejected, j.CustomersCreated,
        j.CustomersMatched, j.OrdersCreated, j.OrderLinesCreated, j.DuplicatesSkipped);

    static void Restore(ImportJob j, BatchCounts c)
    {
        j.RowsRead = c.Read; j.RowsAccepted = c.Accepted; j.RowsRejected = c.Rejected;
        j.CustomersCreated = c.CustomersCreated; j.CustomersMatched = c.CustomersMatched;
        j.OrdersCreated = c.OrdersCreated; j.OrderLinesCreated = c.LinesCreated; j.DuplicatesSkipped = c.Duplicates;
    }

    static string Check(RunImport r)
    {
        var source = r.Source.Trim();
        var problems = new List<string>();
        if (source.Length is 0 or > 64) problems.Add("The source name needs 1 to 64 characters.");
        if (r.BatchSize is < 1 or > 100_000) problems.Add("The batch size must be between 1 and 100,000.");
        if (r.Kind == ImportKind.Events) problems.Add("Importing events from files is not available yet; import customers or orders.");
        if (!File.Exists(r.Path)) problems.Add($"File not found: {r.Path}");
        if (problems.Count > 0) throw new ImportRefused(problems);
        return source;
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

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
/// <param name="OrderWindow">How many rows apart the rows of one order may lie and still be imported together.</param>
/// <param name="BatchSize">Rows per committed transaction (events: at most <paramref name="PlanRows"/>).</param>
/// <param name="PlanRows">Rows decided at a time (never more than a batch): the progress bar moves this often.</param>
public sealed record RunImport(
    string Path, ImportKind Kind, string Source = "default", ColumnMapping? Mapping = null, string? Preset = null,
    int BatchSize = RunImport.DefaultBatchSize, int OrderWindow = OrderGrouping.DefaultWindow, int PlanRows = RunImport.DefaultPlanRows)
{
    // Each commit rewrites every index page its rows touched (order lines' customer_id and the orders' times are
    // random): on SQLite, a million lines took 22 s of writing in 10 commits and 14 s in one. Kill-and-rerun loses
    // at most one batch of work; the progress bar moves with every 20,000 rows decided and written, committed or not.
    public const int DefaultBatchSize = 250_000;

    /// <summary>Rows decided at a time: the next rows are decided while these are written (see <see cref="BatchWriter"/>).</summary>
    public const int DefaultPlanRows = 20_000;
}

/// <summary>
/// Streams a file through cleaning into customers, orders and the quarantine, committing each batch in its own
/// transaction together with the job's counts. A killed run leaves whole batches; running the file again skips what
/// they wrote (orders by source + external id, customers by identifier, quarantine by row key) and so ends where one
/// clean run ends. Rows of one order are kept in one batch when they lie within <see cref="OrderGrouping"/>'s window;
/// a row further away is quarantined (<see cref="LateOrderRows"/>) rather than lost as a duplicate.
/// Customers and orders flow through three threads: one reads and cleans (<see cref="CleanAhead"/>), one decides
/// <see cref="RunImport.PlanRows"/> rows at a time on a second connection (<see cref="BatchWriter"/>), and the caller's
/// writes them, committing once a batch's worth is written.
/// </summary>
public sealed class RunImportHandler(
    PatronDb db, SourceMappings mappings, CustomerImportWriter customers, OrderImportWriter orders, Quarantine quarantine, TimeProvider clock,
    EventImportWriter events)
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
        var orderColumn = request.Kind == ImportKind.Orders ? index[(int)TargetField.OrderId] : -1;
        var listed = new List<RejectedRow>();
        var total = file.Length;
        // Batch N+1 is decided (lookups, matching, new ids) on a second connection while batch N is written on this one.
        await using var reader = db.Sibling();
        await using (await BulkWriter.PrepareForLargeLoadAsync(db, ct))
        await using (await BulkWriter.PrepareForLargeLoadAsync(reader, ct))
        {
            try
            {
                // An order's rows stay in one batch when they lie within the window, adjacent or not: the grouping
                // makes them adjacent, and a batch is only cut where the order id changes.
                var rows = orderColumn < 0 ? table.Rows()
                    : OrderGrouping.Groups(table.Rows(), r => LateOrderRows.Id(r, orderColumn), request.OrderWindow).SelectMany(g => g);
                if (request.Kind == ImportKind.Events)
                {
                    var writer = new EventBatchWriter(events, quarantine, new EventRowCleaner(mapping, index, source, now, stores), job);
                    // Events are not decided ahead, so a batch is held whole in memory: keep it to a plan's size.
                    var size = Math.Min(request.BatchSize, request.PlanRows);
                    var batch = new List<SourceRow>(size);
                    foreach (var row in rows)
                    {
                        if (batch.Count >= size)
                        {
                            await CommitAsync(job, utcNow => Write(writer, batch, utcNow, listed, ct), listed, progress, file.Position, total, ct);
                            batch.Clear();
                        }
                        batch.Add(row);
                    }
                    if (batch.Count > 0) await CommitAsync(job, utcNow => Write(writer, batch, utcNow, listed, ct), listed, progress, total, total, ct);
                }
                else
                {
                    // One cleaner, used only by the reading thread of CleanAhead (its caches are not thread-safe).
                    var cleaner = new RowCleaner(mapping, index, source, now);
                    var writer = new BatchWriter(customers, orders, cleaner, job, mapping, stores, orderColumn);
                    var planned = Ahead.Run<PlannedBatch>(
                        (output, token) => PlanAsync(request, rows, cleaner, writer, reader, orderColumn, file, output, token), capacity: 1, ct);
                    await using var open = new OpenBatch(db, job, listed);
                    await foreach (var plan in planned)
                    {
                        await open.WriteAsync(plan, ct);
                        if (open.Rows >= request.BatchSize)
                        {
                            await open.CommitAsync(ct);
                            writer.Committed(plan);
                        }
                        progress?.Report(new ImportProgress(job.RowsRead, job.RowsRejected, plan.Position, total));
                    }
                    await open.CommitAsync(ct);
                }
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

    /// <summary>
    /// Cuts the cleaned rows into batches (only where the order id changes) and decides each, reading through
    /// <paramref name="reader"/>, one batch ahead of the writer. Runs on its own thread (<see cref="Ahead"/>).
    /// </summary>
    async Task PlanAsync(RunImport request, IEnumerable<SourceRow> rows, RowCleaner cleaner, BatchWriter writer, PatronDb reader,
        int orderColumn, FileStream file, System.Threading.Channels.ChannelWriter<PlannedBatch> output, CancellationToken ct)
    {
        var room = ImportReport.MaxListed;
        var size = Math.Min(request.BatchSize, request.PlanRows);
        var batch = new List<CleanRow>(size);
        string? lastOrder = null;
        await foreach (var row in CleanAhead.Rows(rows, cleaner, ct))
        {
            var order = orderColumn >= 0 ? LateOrderRows.Id(row.Source, orderColumn) : null;
            if (batch.Count >= size && (order is null || order != lastOrder)) await SendAsync(file.Position);
            batch.Add(row);
            lastOrder = order;
        }
        if (batch.Count > 0) await SendAsync(file.Length);

        async Task SendAsync(long position)
        {
            var plan = await writer.PlanAsync(reader, batch, clock.GetUtcNow().UtcDateTime, room, ct);
            room -= plan.Listed.Count;
            plan.Position = position;
            await output.WriteAsync(plan, ct);
            batch = new List<CleanRow>(size);
        }
    }

    static async Task<BatchCounts[]> Write(EventBatchWriter writer, List<SourceRow> batch, DateTime utcNow, List<RejectedRow> listed, CancellationToken ct) =>
        [await writer.WriteAsync(batch, utcNow, listed, ct)];

    async Task CommitAsync(ImportJob job, Func<DateTime, Task<BatchCounts[]>> write, List<RejectedRow> listed,
        IProgress<ImportProgress>? progress, long position, long total, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var before = Snapshot(job);
        var listedBefore = listed.Count;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var counts in await write(clock.GetUtcNow().UtcDateTime)) Add(job, counts);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            // The batch rolled back: so must the job's counts, or the final save would record rows that are not there.
            Restore(job, before);
            listed.RemoveRange(listedBefore, listed.Count - listedBefore);
            Forget(db);
            throw;
        }
        // Rows re-attached from the quarantine were saved; tracking them on would make every later save scan them.
        Forget(db);
        progress?.Report(new ImportProgress(job.RowsRead, job.RowsRejected, position, total));
    }


    /// <summary>
    /// The transaction that planned batches are written into until it holds a committed batch's worth of rows. The
    /// job's counts move with it: a rollback restores them and the rejected rows listed, so the job never records rows
    /// that are not there.
    /// </summary>
    sealed class OpenBatch(PatronDb db, ImportJob job, List<RejectedRow> listed) : IAsyncDisposable
    {
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? tx;
        BatchCounts before;
        int listedBefore;

        public long Rows { get; private set; }

        public async Task WriteAsync(PlannedBatch plan, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            if (tx is null)
            {
                before = Snapshot(job);
                listedBefore = listed.Count;
                Rows = 0;
                tx = await db.Database.BeginTransactionAsync(ct);
            }
            await plan.WriteAsync(db, ct);
            Add(job, plan.Counts);
            listed.AddRange(plan.Listed);
            Rows += plan.Counts.Read;
        }

        public async Task CommitAsync(CancellationToken ct)
        {
            if (tx is null) return;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await tx.DisposeAsync();
            tx = null;
            // Rows re-attached from the quarantine were saved; tracking them on would make every later save scan them.
            Forget(db);
        }

        /// <summary>Rolls back a transaction left open by a failure or a cancellation, and the counts with it.</summary>
        public async ValueTask DisposeAsync()
        {
            if (tx is null) return;
            await tx.DisposeAsync();
            tx = null;
            Restore(job, before);
            listed.RemoveRange(listedBefore, listed.Count - listedBefore);
            Forget(db);
        }
    }

    static void Forget(PatronDb db) => db.ChangeTracker.Entries().Where(e => e.Entity is not ImportJob).ToList().ForEach(e => e.State = EntityState.Detached);

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
        if (r.BatchSize is < 1 or > 1_000_000) problems.Add("The batch size must be between 1 and 1,000,000.");
        if (r.PlanRows < 1) problems.Add("Rows decided at a time must be at least 1.");
        if (r.OrderWindow is < 1 or > 1_000_000) problems.Add("The order window must be between 1 and 1,000,000 rows.");
        if (!File.Exists(r.Path)) problems.Add($"File not found: {r.Path}");
        if (problems.Count > 0) throw new ImportRefused(problems);
        return source;
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

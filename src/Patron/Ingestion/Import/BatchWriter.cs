using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;
using Patron.Platform;

namespace Patron.Ingestion.Import;

/// <summary>What one batch added to the job's counts.</summary>
public record struct BatchCounts(long Read, long Accepted, long Rejected, long CustomersCreated, long CustomersMatched,
    long OrdersCreated, long LinesCreated, long Duplicates);

/// <summary>One batch decided by <see cref="BatchWriter.PlanAsync"/>: every row it writes, and what it adds to the job.</summary>
sealed class PlannedBatch(long sequence, BatchCounts counts, CustomerImportPlan? customers, OrderImportPlan? orders,
    QuarantinePlan quarantine, List<RejectedRow> listed)
{
    public long Sequence { get; } = sequence;
    public BatchCounts Counts { get; } = counts;
    public List<RejectedRow> Listed { get; } = listed;

    /// <summary>How far into the file the batch ends, for the progress bar.</summary>
    public long Position { get; set; }

    /// <summary>Identifiers the batch links and order ids it writes: what a later batch's lookups cannot see until it commits.</summary>
    public IEnumerable<((IdentifierKind Kind, string Value) Key, Guid Customer)> NewKeys => customers?.NewKeys ?? [];

    public IEnumerable<string> OrderIds => orders?.ExternalIds ?? [];

    /// <summary>Writes everything in the caller's transaction.</summary>
    public async Task WriteAsync(PatronDb db, CancellationToken ct)
    {
        if (customers is not null) await customers.WriteAsync(db, ct);
        if (orders is not null) await orders.WriteAsync(db, ct);
        await quarantine.WriteAsync(db, ct);
    }
}

/// <summary>
/// Turns batches of cleaned rows into customers, orders and quarantined rows. An order is imported whole or not at
/// all: one bad line rejects every row of its order. Deciding a batch (<see cref="PlanAsync"/>: lookups, matching,
/// new ids) is separate from writing it, so that a file import can decide batch N+1 on one connection while batch N
/// is written on another: the lookups then cannot see what the batches still in flight write, so the writer keeps
/// their new identifiers and order ids and lays them over the lookups until <see cref="Committed"/> says they are
/// visible. Batches are decided and committed in order; one that fails ends the import.
/// </summary>
/// <param name="orderColumn">The order id's column when rows of one order written by an earlier batch of this run are
/// to be quarantined as lying too far apart (<see cref="LateOrderRows"/>); -1 when every stored order is a duplicate.</param>
sealed class BatchWriter(
    CustomerImportWriter customers, OrderImportWriter orders, RowCleaner cleaner,
    ImportJob job, ColumnMapping mapping, IReadOnlyDictionary<string, Guid> stores, int orderColumn = -1)
{
    readonly List<PlannedBatch> inFlight = [];
    long planned, committed;

    /// <summary>Cleans the rows here, on the caller's thread, then writes them.</summary>
    public Task<BatchCounts> WriteAsync(PatronDb db, IReadOnlyList<SourceRow> rows, DateTime utcNow, List<RejectedRow> listed, CancellationToken ct) =>
        WriteCleanedAsync(db, [.. rows.Select(cleaner.Clean)], utcNow, listed, ct);

    /// <summary>Decides and writes a batch at once, in the caller's transaction on <paramref name="db"/>.</summary>
    public async Task<BatchCounts> WriteCleanedAsync(PatronDb db, List<CleanRow> rows, DateTime utcNow, List<RejectedRow> listed, CancellationToken ct)
    {
        var plan = await PlanAsync(db, rows, utcNow, ImportReport.MaxListed - listed.Count, ct);
        await plan.WriteAsync(db, ct);
        Committed(plan);
        listed.AddRange(plan.Listed);
        return plan.Counts;
    }

    /// <summary>Called once a batch has committed: later lookups see its rows.</summary>
    public void Committed(PlannedBatch plan) => Interlocked.Exchange(ref committed, plan.Sequence);

    /// <summary>
    /// Decides a batch, reading through <paramref name="reader"/>; lists at most <paramref name="room"/> of its rejected rows.
    /// Not thread-safe: one caller decides the batches, in file order.
    /// </summary>
    public async Task<PlannedBatch> PlanAsync(PatronDb reader, List<CleanRow> rows, DateTime utcNow, int room, CancellationToken ct)
    {
        // Batches committed before the lookups start are in what they read; the rest are laid over it.
        var seen = Interlocked.Read(ref committed);
        inFlight.RemoveAll(p => p.Sequence <= seen);
        var rejected = new List<(SourceRow Row, IReadOnlyList<RowProblem> Problems)>();
        var listed = new List<RejectedRow>();
        var counts = new BatchCounts();
        CustomerImportPlan? customerPlan;
        OrderImportPlan? orderPlan = null;
        if (mapping.Kind == ImportKind.Orders)
        {
            var written = await WrittenAsync(reader, rows, ct);
            rows = Late(rows, written, rejected, ref counts);
            (customerPlan, orderPlan, counts) = await OrdersAsync(reader, rows, written, utcNow, counts, ct);
        }
        else
        {
            var accepted = rows.Where(c => !c.Rejected).Select(c => c.Customer! with { StoreId = Store(c) }).ToList();
            customerPlan = await ResolveAsync(reader, accepted, utcNow, ct);
            var created = customerPlan.Results.Count(r => r.Created);
            counts.CustomersCreated = created;
            counts.CustomersMatched = customerPlan.Results.Length - created;
        }
        var rejectedHere = rows.Where(c => c.Rejected).ToList();
        rejected.AddRange(rejectedHere.Select(c => (c.Source, (IReadOnlyList<RowProblem>)c.Problems)));
        foreach (var (row, problems) in rejected.Take(Math.Max(0, room))) listed.Add(new RejectedRow(row.Number, problems));
        counts.Read += rows.Count;
        counts.Rejected += rejectedHere.Count;
        counts.Accepted += rows.Count - rejectedHere.Count;
        var quarantine = await Quarantine.PlanAsync(
            reader, job.Id, job.Source, job.Kind, [.. rejected.Select(r => (r.Row, string.Join("; ", r.Problems)))], utcNow, ct);
        var plan = new PlannedBatch(++planned, counts, customerPlan, orderPlan, quarantine, listed);
        inFlight.Add(plan);
        return plan;
    }

    /// <summary>When each order the rows name was stored, if it was: one lookup serves late rows and duplicates.</summary>
    async Task<Dictionary<string, DateTime>> WrittenAsync(PatronDb reader, List<CleanRow> rows, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
            if ((orderColumn >= 0 ? LateOrderRows.Id(r.Source, orderColumn) : r.OrderId) is { } id) ids.Add(id);
        var written = await OrderKeys.WrittenAtAsync(reader, mapping.Channel, [.. ids], ct);
        // Orders of batches still in flight were written by this run, a moment ago.
        foreach (var plan in inFlight)
            foreach (var id in plan.OrderIds)
                written.TryAdd(id, DateTime.MaxValue);
        return written;
    }

    /// <summary>Rows of orders this run has written in an earlier batch go to the quarantine (<see cref="LateOrderRows"/>).</summary>
    List<CleanRow> Late(List<CleanRow> rows, Dictionary<string, DateTime> written, List<(SourceRow, IReadOnlyList<RowProblem>)> rejected, ref BatchCounts counts)
    {
        if (orderColumn < 0 || written.Count == 0) return rows;
        var rest = new List<CleanRow>(rows.Count);
        foreach (var r in rows)
        {
            if (LateOrderRows.Id(r.Source, orderColumn) is { } id && written.TryGetValue(id, out var at) && at >= job.StartedAt)
                rejected.Add((r.Source, [RowProblem.LateOrderRow(id)]));
            else rest.Add(r);
        }
        var late = rows.Count - rest.Count;
        counts.Read += late;
        counts.Rejected += late;
        return rest;
    }

    async Task<(CustomerImportPlan, OrderImportPlan, BatchCounts)> OrdersAsync(
        PatronDb reader, List<CleanRow> cleaned, Dictionary<string, DateTime> written, DateTime utcNow, BatchCounts counts, CancellationToken ct)
    {
        var groups = cleaned.GroupBy(c => c.OrderId ?? $"\0{c.Source.Number}").Select(g => g.ToList()).ToList();
        foreach (var group in groups) RejectWhole(group);
        var valid = groups.Where(g => !g[0].Rejected).ToList();
        // An order stored already (a rerun, a file that overlaps an earlier one) is skipped before its buyer is resolved:
        // nothing of it is imported, and a rerun then costs little more than reading the file.
        var good = valid.Where(g => !written.ContainsKey(g[0].OrderId!)).ToList();
        var buyers = good.Select(g => g.FirstOrDefault(r => r.Customer is not null)?.Customer).ToList();
        var customerPlan = await ResolveAsync(reader, [.. buyers.Where(b => b is not null).Select(b => b!)], utcNow, ct);
        var resolved = customerPlan.Results;
        var ids = new Guid?[good.Count];
        for (int i = 0, k = 0; i < good.Count; i++)
            if (buyers[i] is not null) ids[i] = resolved[k++].Id;

        var batch = good.Select((g, i) => new ImportedOrder(
            g[0].OrderId!, g[0].PlacedAt!.Value, ids[i], g.Select(r => r.Store).FirstOrDefault(s => s is not null),
            g.Select(r => r.OrderPaid).FirstOrDefault(p => p is not null),
            g.Select(r => r.Line(g.Count == 1 ? r.OrderPaid : null)).ToList())).ToList();
        var orderPlan = await orders.PlanAsync(reader, mapping.Channel, batch, utcNow, ct);
        var created = resolved.Count(r => r.Created);
        counts.CustomersCreated += created;
        counts.CustomersMatched += resolved.Length - created;
        counts.OrdersCreated += orderPlan.Result.Created;
        counts.LinesCreated += orderPlan.Result.LinesCreated;
        counts.Duplicates += orderPlan.Result.Duplicates + valid.Count - good.Count;
        return (customerPlan, orderPlan, counts);
    }

    /// <summary>Matches the batch's customers against the identifiers stored and those the batches in flight link.</summary>
    async Task<CustomerImportPlan> ResolveAsync(PatronDb reader, List<ImportedCustomer> rows, DateTime utcNow, CancellationToken ct)
    {
        var owners = await CustomerImportWriter.OwnersAsync(reader, rows, ct);
        foreach (var plan in inFlight)
            foreach (var (key, customer) in plan.NewKeys)
                owners.TryAdd(key, customer);
        return customers.Plan(rows, owners, job.Source, utcNow);
    }

    static void RejectWhole(List<CleanRow> group)
    {
        foreach (var r in group.Where(r => !r.Rejected && r.LineAmount is null && r.UnitPrice is null && (group.Count > 1 || r.OrderPaid is null)))
            r.Problems.Add(Cleaning.RowProblem.NoAmount());
        var bad = group.Where(r => r.Rejected).Select(r => r.Source.Number).ToList();
        if (bad.Count == 0) return;
        foreach (var r in group.Where(r => !r.Rejected))
            r.Problems.Add(Cleaning.RowProblem.OrderRejectedWhole(r.OrderId, bad[0]));
    }

    Guid? Store(CleanRow row) => row.Store is { } s && stores.TryGetValue(s, out var id) ? id : null;
}

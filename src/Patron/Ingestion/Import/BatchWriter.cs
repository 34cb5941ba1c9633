using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>What one batch added to the job's counts.</summary>
public record struct BatchCounts(long Read, long Accepted, long Rejected, long CustomersCreated, long CustomersMatched,
    long OrdersCreated, long LinesCreated, long Duplicates);

/// <summary>
/// Writes one batch of cleaned rows: customers resolved, orders written, rejected rows quarantined. The caller owns
/// the transaction. An order is imported whole or not at all: one bad line rejects every row of its order.
/// </summary>
sealed class BatchWriter(
    CustomerImportWriter customers, OrderImportWriter orders, Quarantine quarantine, RowCleaner cleaner,
    ImportJob job, ColumnMapping mapping, IReadOnlyDictionary<string, Guid> stores)
{
    /// <summary>Cleans the rows here, on the caller's thread, then writes them.</summary>
    public Task<BatchCounts> WriteAsync(IReadOnlyList<SourceRow> rows, DateTime utcNow, List<RejectedRow> listed, CancellationToken ct) =>
        WriteCleanedAsync([.. rows.Select(cleaner.Clean)], utcNow, listed, ct);

    /// <summary>Writes rows cleaned already (by <see cref="CleanAhead"/> on its own thread, with the same cleaner).</summary>
    public async Task<BatchCounts> WriteCleanedAsync(IReadOnlyList<CleanRow> rows, DateTime utcNow, List<RejectedRow> listed, CancellationToken ct)
    {
        var cleaned = rows as List<CleanRow> ?? rows.ToList();
        var counts = mapping.Kind == ImportKind.Orders
            ? await OrdersAsync(cleaned, utcNow, ct)
            : await CustomersAsync(cleaned, utcNow, ct);
        var rejected = cleaned.Where(c => c.Rejected).Select(c => (c.Source, string.Join("; ", c.Problems))).ToList();
        await quarantine.KeepAsync(job.Id, job.Source, job.Kind, rejected, utcNow, ct);
        foreach (var row in cleaned.Where(c => c.Rejected).Take(Math.Max(0, ImportReport.MaxListed - listed.Count)))
            listed.Add(new RejectedRow(row.Source.Number, row.Problems));
        return counts with { Read = rows.Count, Rejected = rejected.Count, Accepted = rows.Count - rejected.Count };
    }

    async Task<BatchCounts> CustomersAsync(List<CleanRow> cleaned, DateTime utcNow, CancellationToken ct)
    {
        var accepted = cleaned.Where(c => !c.Rejected).Select(c => c.Customer! with { StoreId = Store(c) }).ToList();
        var resolved = await customers.ResolveAsync(accepted, job.Source, utcNow, ct);
        var created = resolved.Count(r => r.Created);
        return new BatchCounts { CustomersCreated = created, CustomersMatched = resolved.Length - created };
    }

    async Task<BatchCounts> OrdersAsync(List<CleanRow> cleaned, DateTime utcNow, CancellationToken ct)
    {
        var groups = cleaned.GroupBy(c => c.OrderId ?? $"\0{c.Source.Number}").Select(g => g.ToList()).ToList();
        foreach (var group in groups) RejectWhole(group);
        var valid = groups.Where(g => !g[0].Rejected).ToList();
        // An order stored already (a rerun, a file that overlaps an earlier one) is skipped before its buyer is resolved:
        // nothing of it is imported, and a rerun then costs little more than reading the file.
        var stored = await orders.ExistingAsync(mapping.Channel, [.. valid.Select(g => g[0].OrderId!)], ct);
        var good = valid.Where(g => !stored.Contains(g[0].OrderId!)).ToList();
        var buyers = good.Select(g => g.FirstOrDefault(r => r.Customer is not null)?.Customer).ToList();
        var withBuyer = buyers.Where(b => b is not null).Select(b => b!).ToList();
        var resolved = await customers.ResolveAsync(withBuyer, job.Source, utcNow, ct);
        var ids = new Guid?[good.Count];
        for (int i = 0, k = 0; i < good.Count; i++)
            if (buyers[i] is not null) ids[i] = resolved[k++].Id;

        var batch = good.Select((g, i) => new ImportedOrder(
            g[0].OrderId!, g[0].PlacedAt!.Value, ids[i], g.Select(r => r.Store).FirstOrDefault(s => s is not null),
            g.Select(r => r.OrderPaid).FirstOrDefault(p => p is not null),
            g.Select(r => r.Line(g.Count == 1 ? r.OrderPaid : null)).ToList())).ToList();
        var written = await orders.WriteNewAsync(mapping.Channel, batch, utcNow, ct);
        var created = resolved.Count(r => r.Created);
        return new BatchCounts
        {
            CustomersCreated = created, CustomersMatched = resolved.Length - created,
            OrdersCreated = written.Created, LinesCreated = written.LinesCreated, Duplicates = written.Duplicates + valid.Count - good.Count,
        };
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

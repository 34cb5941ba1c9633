using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Import;
using Patron.Platform;

namespace Patron.Tests.Ingestion.Import;

/// <summary>The import handlers wired by hand over one context, and a provider-neutral picture of what an import left.</summary>
static class Importer
{
    public static RunImportHandler Run(PatronDb db) => new(
        db, new SourceMappings(db, TimeProvider.System), new CustomerImportWriter(db), new OrderImportWriter(db), new Quarantine(db), TimeProvider.System,
        new EventImportWriter(db));

    public static Patron.Ingestion.Batches.IngestBatchHandler Ingest(PatronDb db) => new(
        db, new CustomerImportWriter(db), new OrderImportWriter(db), new EventImportWriter(db), new OrderKeys(db), new CustomerKeys(db),
        new Quarantine(db), TimeProvider.System);

    public static async Task<ImportReport> ImportAsync(Tests.Infrastructure.TestDatabase database, RunImport request, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await Run(db).HandleAsync(request, null, ct);
    }

    /// <summary>Customers, identifiers, orders with their lines and the quarantine, by natural keys (ids differ between runs).</summary>
    public static async Task<string> StateAsync(Tests.Infrastructure.TestDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var identifiers = await db.CustomerIdentifiers.AsNoTracking().ToListAsync(ct);
        // A customer is named by its sorted identifiers, which stay the same whatever ids a run generates.
        var names = identifiers.GroupBy(i => i.CustomerId).ToDictionary(g => g.Key, g => string.Join("+", g.Select(i => $"{i.Kind}:{i.Value}").Order()));
        var customers = (await db.Customers.AsNoTracking().ToListAsync(ct))
            .Select(c => $"{names.GetValueOrDefault(c.Id)}|{c.Name}|{c.Gender}|{c.Birthday}|{c.Province}|{c.City}|{c.District}|{c.Address}").Order();
        var lines = (await db.OrderLines.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.OrderId);
        var skus = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Sku, ct);
        var orders = (await db.Orders.AsNoTracking().ToListAsync(ct)).Select(o =>
            $"{o.Source}/{o.ExternalId}|{o.PlacedAt:O}|{(o.CustomerId is { } c ? names.GetValueOrDefault(c) : "-")}|{o.GrossAmount}|{o.PaidAmount}|" +
            string.Join(",", lines[o.Id].OrderBy(l => l.LineNo).Select(l => $"{skus[l.ProductId]}x{l.Quantity}={l.Amount}"))).Order();
        var quarantine = (await db.Set<QuarantinedRow>().AsNoTracking().ToListAsync(ct)).Select(q => $"{q.Source}|{q.Kind}|{q.RowNumber}|{q.RowKey}|{q.CellsJson}|{q.Reasons}").Order();
        return string.Join("\n", customers.Append("--").Concat(orders).Append("--").Concat(quarantine));
    }

    /// <summary>Reports synchronously, so a test can cancel between two batches.</summary>
    public sealed class Callback(Action<ImportProgress> action) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => action(value);
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Bulk;

namespace Patron.DemoData;

/// <summary>
/// Generates the demo chain and stores it with the bulk writer, in batches, in one transaction: a failed or
/// cancelled run leaves the database as it was. Used by the web host's first start and by `patron demo-data`.
/// </summary>
public static class DemoDataWriter
{
    const int BatchSize = 5_000;

    public static async Task<DemoDataSummary> WriteAsync(PatronDb db, DemoDataOptions options, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        options.Validate();
        if (await db.Customers.AnyAsync(ct))
            throw new DemoDataException("The database already has customers; demo data is only written into an empty database.");
        var watch = Stopwatch.StartNew();
        var generator = new DemoDataGenerator(options, db.Clock);
        var tables = new TableCounter(db);

        await using var settings = await BulkWriter.PrepareForLargeLoadAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var catalog = generator.Catalog;
        var catalogRows = catalog.Stores.Count + catalog.Categories.Count + catalog.Products.Count;
        await tables.InsertAsync(catalog.Stores, ct);
        await tables.InsertAsync(catalog.Categories, ct);
        await tables.InsertAsync(catalog.Products, ct);
        progress?.Report(new DemoProgress(DemoPhase.Catalog, catalogRows, catalogRows, catalogRows));

        long customers = 0;
        await foreach (var batch in Batches.AheadAsync(generator.Customers(), BatchSize, ct))
        {
            await tables.InsertAsync(batch.Select(c => c.Customer), ct);
            await tables.InsertAsync(batch.SelectMany(c => c.Identifiers), ct);
            customers += batch.Length;
            progress?.Report(new DemoProgress(DemoPhase.Customers, customers, options.Customers, customers));
        }

        long orders = 0;
        await foreach (var batch in Batches.AheadAsync(generator.Sales(), BatchSize, ct))
        {
            await tables.InsertAsync(batch.Select(s => s.Order), ct);
            await tables.InsertAsync(batch.SelectMany(s => s.Order.Lines), ct);
            await tables.InsertAsync(batch.SelectMany(s => s.Events), ct);
            orders += batch.Length;
            progress?.Report(new DemoProgress(DemoPhase.Orders, generator.DayOf(batch[^1].Order.PlacedAt), generator.Days, orders));
        }
        progress?.Report(new DemoProgress(DemoPhase.Orders, generator.Days, generator.Days, orders));

        await transaction.CommitAsync(ct);
        return new DemoDataSummary(tables.Counts, watch.Elapsed);
    }

    /// <summary>Rows written per table, named as the database names them.</summary>
    sealed class TableCounter(PatronDb db)
    {
        readonly List<DemoTableCount> counts = [];

        public IReadOnlyList<DemoTableCount> Counts => counts;

        public async Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
        {
            var written = await BulkWriter.InsertAsync(db, rows, ct);
            var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
            var i = counts.FindIndex(c => c.Table == table);
            if (i < 0) counts.Add(new DemoTableCount(table, written));
            else counts[i] = counts[i] with { Rows = counts[i].Rows + written };
        }
    }
}

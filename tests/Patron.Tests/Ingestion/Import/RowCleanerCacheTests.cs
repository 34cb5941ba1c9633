using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Tests.Ingestion.Import;

/// <summary>The cleaner's caches (per buyer, per field, the previous row's buyer) change how often a rule runs, never its answer.</summary>
public sealed class RowCleanerCacheTests
{
    static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Kinds => new() { "orders", "customers" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Rows_clean_the_same_with_full_caches_and_without_any(string kind)
    {
        var table = kind == "orders" ? SampleFiles.Orders : SampleFiles.Members;
        var importKind = kind == "orders" ? ImportKind.Orders : ImportKind.Customers;
        var mapping = ColumnMapping.Suggest(importKind, table[0]);
        var index = mapping.Resolve(table[0]).Index;
        var rows = Messy(table.Skip(1).ToArray());

        // A cleaner per row never hits a cache; a cleaner with room for two values is emptied again and again.
        var fresh = rows.Select(r => new RowCleaner(mapping, index, "shop", Now).Clean(r)).ToList();
        var uncached = fresh.Select(Describe).ToList();
        var tiny = new RowCleaner(mapping, index, "shop", Now, cacheCapacity: 2);
        var roomy = new RowCleaner(mapping, index, "shop", Now);

        Assert.Equal(uncached, rows.Select(r => Describe(tiny.Clean(r))));
        Assert.Equal(uncached, rows.Select(r => Describe(roomy.Clean(r))));
        // The samples hold accepted and rejected rows, buyers and rows without one.
        Assert.Contains(fresh, r => r.Rejected);
        Assert.Contains(fresh, r => !r.Rejected && r.Customer is not null);
    }

    /// <summary>Each sample row three times, next to itself and far from itself, with spaces that change the raw cells but not their meaning.</summary>
    static List<SourceRow> Messy(string[][] rows)
    {
        var result = new List<SourceRow>();
        long number = 0;
        for (var pass = 0; pass < 3; pass++)
            foreach (var row in pass == 1 ? rows.Reverse() : rows)
            {
                var cells = pass == 2 ? row.Select(c => c.Length > 0 ? $" {c}  " : c).ToArray() : row;
                result.Add(new SourceRow(++number, cells));
                if (pass == 0) result.Add(new SourceRow(++number, cells));
            }
        return result;
    }

    static string Describe(CleanRow r) =>
        $"{r.Customer} | {r.OrderId} | {r.PlacedAt:O} | {r.OrderPaid} | {r.Store} | {r.Sku} | {r.ProductName} | {r.Quantity} | " +
        $"{r.UnitPrice} | {r.LineAmount} | Problems: {string.Join("; ", r.Problems)} | Notes: {string.Join("; ", r.Notes)}";
}

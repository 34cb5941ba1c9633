using Microsoft.Extensions.Options;
using Patron.Commerce.Contracts;
using Patron.Platform;

namespace Patron.Analytics.Trends;

/// <summary>The last <paramref name="Days"/> local days against the same number of days before them.</summary>
public sealed record GetProductTrends(int Days = 28, Guid? StoreId = null, int Top = 10);

public sealed record ProductTrend(Guid ProductId, string Name, long Sales, long PreviousSales, double? Growth);

public sealed record ProductTrends(DateOnly From, DateOnly To, IReadOnlyList<ProductTrend> Top, IReadOnlyList<ProductTrend> Rising);

/// <summary>
/// Top products by sales in the period, and rising ones: the largest growth over the previous period among products
/// that sold at least the average product's amount now and something before (a product going from ¥10 to ¥50 is not
/// news; one going from ¥5,000 to ¥9,000 is).
/// </summary>
public sealed class GetProductTrendsHandler(SalesHistory history, CatalogLookup catalog, TimeProvider clock, IOptions<PatronOptions> options)
{
    public async Task<ProductTrends> HandleAsync(GetProductTrends q, CancellationToken ct = default)
    {
        var days = new LocalDays(clock.GetUtcNow().UtcDateTime, options.Value.FindZone());
        var n = Math.Clamp(q.Days, 1, 366);
        var (start, middle) = (days.StartUtc(2 * n), days.StartUtc(n));
        var now = new Dictionary<Guid, long>();
        var before = new Dictionary<Guid, long>();
        await foreach (var line in history.SaleLinesAsync(start, days.EndUtc, q.StoreId, ct))
        {
            var bucket = line.PlacedAt >= middle ? now : before;
            bucket[line.ProductId] = bucket.GetValueOrDefault(line.ProductId) + line.Amount;
        }
        var names = await catalog.ProductNamesAsync(ct);
        var all = now.Select(p =>
        {
            var previous = before.GetValueOrDefault(p.Key);
            return new ProductTrend(p.Key, names.GetValueOrDefault(p.Key, "?"), p.Value, previous,
                previous > 0 ? (double)(p.Value - previous) / previous : null);
        }).ToList();
        var top = Math.Clamp(q.Top, 1, 100);
        var average = all.Count == 0 ? 0 : all.Average(p => p.Sales);
        return new ProductTrends(days.Today.AddDays(1 - n), days.Today,
            [.. all.OrderByDescending(p => p.Sales).ThenBy(p => p.ProductId).Take(top)],
            [.. all.Where(p => p.Growth > 0 && p.Sales >= average).OrderByDescending(p => p.Growth).ThenBy(p => p.ProductId).Take(top)]);
    }
}

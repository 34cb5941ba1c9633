using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Commerce.Contracts;
using Patron.Platform;

namespace Patron.Analytics;

/// <param name="ChartDays">How many days the daily sales chart covers, today included.</param>
public sealed record GetDashboard(int ChartDays = 30, int TopProducts = 10);

public sealed record DailySales(DateOnly Day, long Sales, int Orders);

/// <summary>Revenue is the sum of line amounts (before order-level discounts, which are not split over lines).</summary>
public sealed record TopProduct(Guid ProductId, string Sku, string Name, long Revenue, int Quantity);

/// <summary>
/// Headline numbers. Sales and orders cover the last <see cref="GetDashboardHandler.SalesDays"/> local calendar days,
/// active customers the last <see cref="GetDashboardHandler.ActiveDays"/>; a purchase is a completed or partly refunded
/// order and its sales are what was paid minus what was refunded (the same rule as the customer KPIs).
/// </summary>
public sealed record DashboardSummary(int Customers, int ActiveCustomers, long Sales, int Orders, long AverageOrderValue,
    IReadOnlyList<DailySales> Daily, IReadOnlyList<TopProduct> TopProducts);

/// <summary>
/// The dashboard read. Everything is aggregated in SQL over the indexed order date, so it stays a handful of
/// small queries at 300k+ orders. Analytics is the read side: it reads the commerce tables, it never writes them.
/// </summary>
public sealed class GetDashboardHandler(PatronDb db, TimeProvider clock, IOptions<PatronOptions> options)
{
    public const int SalesDays = 30;
    public const int ActiveDays = 90;

    public async Task<DashboardSummary> HandleAsync(GetDashboard q, CancellationToken ct = default)
    {
        var days = new LocalDays(clock.GetUtcNow().UtcDateTime, options.Value.FindZone());
        // The upper bound also tells SQLite's planner (no statistics by default) that the date range is narrow, so it
        // walks the date index instead of scanning every order line in product order for the top-products GROUP BY.
        var end = days.EndUtc;
        var purchases = db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt < end && (o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded));

        var customers = await db.Customers.CountAsync(ct);
        var activeSince = days.StartUtc(ActiveDays);
        var active = await purchases.Where(o => o.PlacedAt >= activeSince && o.CustomerId != null)
            .Select(o => o.CustomerId).Distinct().CountAsync(ct);

        var salesSince = days.StartUtc(SalesDays);
        var totals = await purchases.Where(o => o.PlacedAt >= salesSince).GroupBy(_ => 1)
            .Select(g => new { Orders = g.Count(), Sales = g.Sum(o => o.PaidAmount - o.RefundedAmount) })
            .FirstOrDefaultAsync(ct);
        var (orders, sales) = (totals?.Orders ?? 0, totals?.Sales ?? 0);

        var daily = await DailyAsync(purchases, days, Math.Clamp(q.ChartDays, 7, 366), ct);
        var top = await TopProductsAsync(purchases.Where(o => o.PlacedAt >= salesSince), Math.Clamp(q.TopProducts, 1, 50), ct);
        return new DashboardSummary(customers, active, sales, orders, orders == 0 ? 0 : sales / orders, daily, top);
    }

    static async Task<List<DailySales>> DailyAsync(IQueryable<Commerce.Order> purchases, LocalDays days, int count, CancellationToken ct)
    {
        var since = days.StartUtc(count);
        // Shift to local time in SQL, then cut at midnight: one row per local day comes back, not one per order.
        var hours = days.Offset.TotalHours;
        var rows = await purchases.Where(o => o.PlacedAt >= since)
            .GroupBy(o => o.PlacedAt.AddHours(hours).Date)
            .Select(g => new { Day = g.Key, Orders = g.Count(), Sales = g.Sum(o => o.PaidAmount - o.RefundedAmount) })
            .ToListAsync(ct);
        var byDay = rows.ToDictionary(r => DateOnly.FromDateTime(r.Day));
        return Enumerable.Range(0, count).Select(i => days.Today.AddDays(i - count + 1))
            .Select(d => byDay.TryGetValue(d, out var r) ? new DailySales(d, r.Sales, r.Orders) : new DailySales(d, 0, 0))
            .ToList();
    }

    async Task<List<TopProduct>> TopProductsAsync(IQueryable<Commerce.Order> orders, int take, CancellationToken ct)
    {
        // Orders first: the date index picks the month's orders, then each order's lines come by order id.
        var top = await orders.SelectMany(o => o.Lines)
            .GroupBy(l => l.ProductId)
            .Select(g => new { ProductId = g.Key, Revenue = g.Sum(l => l.Amount), Quantity = g.Sum(l => l.Quantity) })
            .OrderByDescending(x => x.Revenue).ThenBy(x => x.ProductId).Take(take)
            .ToListAsync(ct);
        var ids = top.Select(t => t.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return top.Select(t => new TopProduct(t.ProductId, products.GetValueOrDefault(t.ProductId)?.Sku ?? "",
            products.GetValueOrDefault(t.ProductId)?.Name ?? "", t.Revenue, t.Quantity)).ToList();
    }
}

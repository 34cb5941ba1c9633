using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Commerce.Contracts;

/// <summary>
/// When customers bought first and last, for other modules' triggers (loyalty's first-purchase and win-back coupons).
/// A purchase is a completed or partly refunded order, as for the customer KPIs.
/// </summary>
public sealed class PurchaseDates(PatronDb db)
{
    IQueryable<Order> Purchases => db.Orders.AsNoTracking()
        .Where(o => o.CustomerId != null && (o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded));

    /// <summary>Customers whose first purchase was placed in [from, until), with it.</summary>
    public async Task<List<(Guid CustomerId, DateTime First)>> FirstPurchasesAsync(DateTime from, DateTime until, CancellationToken ct = default) =>
        (await Purchases.GroupBy(o => o.CustomerId!.Value).Select(g => new { g.Key, First = g.Min(o => o.PlacedAt) })
            .Where(g => g.First >= from && g.First < until).ToListAsync(ct)).Select(g => (g.Key, g.First)).ToList();

    /// <summary>Customers whose last purchase was placed in [from, until), with it.</summary>
    public async Task<List<(Guid CustomerId, DateTime Last)>> LastPurchasesAsync(DateTime from, DateTime until, CancellationToken ct = default) =>
        (await Purchases.GroupBy(o => o.CustomerId!.Value).Select(g => new { g.Key, Last = g.Max(o => o.PlacedAt) })
            .Where(g => g.Last >= from && g.Last < until).ToListAsync(ct)).Select(g => (g.Key, g.Last)).ToList();
}

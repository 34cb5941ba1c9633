using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce.Contracts;

/// <summary>
/// A customer's purchase KPIs for other modules (the customer 360 page). A purchase is an order that is completed
/// or partly refunded; spend is what was paid minus what was refunded.
/// </summary>
public sealed class CustomerPurchases(PatronDb db)
{
    public async Task<CustomerKpis> KpisAsync(Guid customerId, CancellationToken ct = default)
    {
        var purchases = db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId &&
            (o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded));
        var agg = await purchases.GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Spend = g.Sum(o => o.PaidAmount - o.RefundedAmount),
            First = g.Min(o => o.PlacedAt),
            Last = g.Max(o => o.PlacedAt),
        }).FirstOrDefaultAsync(ct);
        if (agg is null) return new CustomerKpis(0, 0, 0, null, null);
        return new CustomerKpis(agg.Spend, agg.Count, agg.Count == 0 ? 0 : agg.Spend / agg.Count, agg.First, agg.Last);
    }
}

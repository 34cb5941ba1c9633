using Microsoft.EntityFrameworkCore;
using Patron.Engine.Features;
using Patron.Platform;

namespace Patron.Segmentation;

/// <summary>One customer's purchases as the feature store counts them, read afresh after a refund changed one of them.</summary>
static class CustomerPurchaseFacts
{
    /// <summary>In date order, as a load applies them, so the favourite-store tie-break agrees with a reload.</summary>
    public static async Task<List<PurchaseFact>> ReadAsync(PatronDb db, Guid customer, CatalogCategories catalog, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var orders = await (from o in db.Orders.AsNoTracking()
                            where o.CustomerId == customer
                            join s in db.Stores on o.StoreId equals s.Id into stores
                            from s in stores.DefaultIfEmpty()
                            select new { o.Id, o.PlacedAt, o.Status, o.PaidAmount, o.RefundedAmount, o.Source, Store = s == null ? null : s.Name })
            .ToListAsync(ct);
        var lines = await (from l in db.OrderLines
                           join o in db.Orders on l.OrderId equals o.Id
                           // The line's own customer column (same as its order's) lets the planner use its index.
                           where l.CustomerId == customer && o.CustomerId == customer
                           join p in db.Products on l.ProductId equals p.Id
                           group l.Amount by new { l.OrderId, p.CategoryId } into g
                           select new { g.Key.OrderId, g.Key.CategoryId, Amount = g.Sum() }).ToListAsync(ct);
        var spend = lines.ToLookup(l => l.OrderId);
        return [.. orders.OrderBy(o => o.PlacedAt).ThenBy(o => o.Id).Select(o => FeatureLoader.Purchase(o.Status, o.PaidAmount,
            o.RefundedAmount, o.PlacedAt, o.Source, o.Store, Spend(spend[o.Id].Select(l => (l.CategoryId, l.Amount)), catalog), zone))];
    }

    static List<KeyValuePair<string, long>> Spend(IEnumerable<(Guid Category, long Amount)> lines, CatalogCategories catalog) =>
        [.. lines.Where(l => catalog.OfCategory(l.Category) is not null).Select(l => KeyValuePair.Create(catalog.OfCategory(l.Category)!, l.Amount))];
}

using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

/// <summary>Maps orders to their views, looking up store, product and customer names in one query each.</summary>
static class OrderViews
{
    public static async Task<List<OrderSummary>> SummariesAsync(PatronDb db, CustomerDirectory customers,
        IReadOnlyList<(Order Order, int LineCount)> orders, CancellationToken ct)
    {
        var storeIds = orders.Where(o => o.Order.StoreId.HasValue).Select(o => o.Order.StoreId!.Value).Distinct().ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var names = await customers.NamesAsync(orders.Where(o => o.Order.CustomerId.HasValue).Select(o => o.Order.CustomerId!.Value), ct);
        return orders.Select(o => Summary(o.Order, o.LineCount, stores, names)).ToList();
    }

    public static async Task<OrderDetails> DetailsAsync(PatronDb db, CustomerDirectory customers, Order order, CancellationToken ct)
    {
        var summary = (await SummariesAsync(db, customers, [(order, order.Lines.Count)], ct))[0];
        var productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var lines = order.Lines.OrderBy(l => l.LineNo).Select(l => new OrderLineView(l.LineNo, l.ProductId,
            products.GetValueOrDefault(l.ProductId)?.Sku ?? "", products.GetValueOrDefault(l.ProductId)?.Name ?? "",
            l.Quantity, l.UnitPrice, l.Amount)).ToList();
        return new OrderDetails(summary, lines);
    }

    static OrderSummary Summary(Order o, int lineCount, Dictionary<Guid, string> stores, Dictionary<Guid, string> customers) =>
        new(o.Id, o.Source, o.ExternalId, o.StoreId, o.StoreId is { } s ? stores.GetValueOrDefault(s) : null,
            o.CustomerId, o.CustomerId is { } c ? customers.GetValueOrDefault(c) : null,
            o.PlacedAt, o.Status, o.GrossAmount, o.DiscountAmount, o.PaidAmount, o.RefundedAmount, o.Currency, o.PaymentMethod, lineCount);
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Commerce.Contracts;

/// <summary>One purchase of a known customer: when, and what it was worth after refunds (fen).</summary>
public readonly record struct PurchaseRow(Guid CustomerId, DateTime PlacedAt, long NetAmount);

/// <summary>One product in one purchase, with its category, for basket mining.</summary>
public readonly record struct BasketLine(Guid OrderId, Guid ProductId, Guid CategoryId);

/// <summary>Which purchases a basket analysis covers: a period [From, Until) in UTC and optionally one store.</summary>
public sealed record BasketFilter(DateTime? From = null, DateTime? Until = null, Guid? StoreId = null);

/// <summary>
/// Streams of purchase history for the read-side analyses (lifetime value, basket rules, cohorts), so that they never
/// hold the order tables in memory. A purchase is a completed or partly refunded order, as for the customer KPIs.
/// </summary>
public sealed class SalesHistory(PatronDb db)
{
    IQueryable<Order> Purchases => db.Orders.AsNoTracking()
        .Where(o => o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded);

    /// <summary>Every purchase of a known customer placed before <paramref name="until"/>, in customer order.</summary>
    public async IAsyncEnumerable<PurchaseRow> CustomerPurchasesAsync(DateTime until, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = Purchases.Where(o => o.CustomerId != null && o.PlacedAt < until)
            .OrderBy(o => o.CustomerId).ThenBy(o => o.PlacedAt)
            .Select(o => new { CustomerId = o.CustomerId!.Value, o.PlacedAt, Net = o.PaidAmount - o.RefundedAmount })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct)) yield return new PurchaseRow(r.CustomerId, r.PlacedAt, r.Net);
    }

    /// <summary>The lines of the purchases the filter covers, grouped by order (in order id order).</summary>
    public async IAsyncEnumerable<BasketLine> BasketLinesAsync(BasketFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var orders = Purchases;
        if (filter.From is { } from) orders = orders.Where(o => o.PlacedAt >= from);
        if (filter.Until is { } until) orders = orders.Where(o => o.PlacedAt < until);
        if (filter.StoreId is { } store) orders = orders.Where(o => o.StoreId == store);
        var rows = from o in orders
                   join l in db.OrderLines on o.Id equals l.OrderId
                   join p in db.Products on l.ProductId equals p.Id
                   orderby o.Id
                   select new { o.Id, l.ProductId, p.CategoryId };
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct)) yield return new BasketLine(r.Id, r.ProductId, r.CategoryId);
    }
}

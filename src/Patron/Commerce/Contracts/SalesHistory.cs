using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Commerce.Contracts;

/// <summary>One purchase of a known customer: when, and what it was worth after refunds (fen).</summary>
public readonly record struct PurchaseRow(Guid CustomerId, DateTime PlacedAt, long NetAmount);

/// <summary>One product in one purchase, with its category, for basket mining.</summary>
public readonly record struct BasketLine(Guid OrderId, Guid ProductId, Guid CategoryId);

/// <summary>One line of a purchase: when, where, what (and its category) and for how much (fen).</summary>
public readonly record struct SaleLine(DateTime PlacedAt, Guid? StoreId, Guid ProductId, Guid CategoryId, long Amount);

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

    /// <summary>Every line of the purchases placed in [from, until), optionally at one store, in no particular order.</summary>
    public async IAsyncEnumerable<SaleLine> SaleLinesAsync(DateTime from, DateTime until, Guid? storeId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var orders = Purchases.Where(o => o.PlacedAt >= from && o.PlacedAt < until);
        if (storeId is { } store) orders = orders.Where(o => o.StoreId == store);
        var rows = from o in orders
                   join l in db.OrderLines on o.Id equals l.OrderId
                   join p in db.Products on l.ProductId equals p.Id
                   select new { o.PlacedAt, o.StoreId, l.ProductId, p.CategoryId, l.Amount };
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return new SaleLine(r.PlacedAt, r.StoreId, r.ProductId, r.CategoryId, r.Amount);
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

/// <summary>Names for the ids the analyses return, and what a customer has bought.</summary>
public sealed class CatalogLookup(PatronDb db)
{
    public Task<Dictionary<Guid, string>> ProductNamesAsync(CancellationToken ct = default) =>
        db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);

    public Task<Dictionary<Guid, string>> CategoryNamesAsync(CancellationToken ct = default) =>
        db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

    /// <summary>Each product's category.</summary>
    public Task<Dictionary<Guid, Guid>> ProductCategoriesAsync(CancellationToken ct = default) =>
        db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.CategoryId, ct);

    /// <summary>The customer's purchased products with the money spent on each (line amounts, fen).</summary>
    public async Task<Dictionary<Guid, long>> ProductsBoughtAsync(Guid customerId, CancellationToken ct = default) =>
        await (from l in db.OrderLines.AsNoTracking()
               join o in db.Orders on l.OrderId equals o.Id
               where l.CustomerId == customerId && o.CustomerId == customerId
                     && (o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded)
               group l by l.ProductId into g
               select new { g.Key, Spend = g.Sum(l => l.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Spend, ct);

    /// <summary>Each product's sales over all purchases (line amounts, fen): its popularity.</summary>
    public async Task<Dictionary<Guid, long>> ProductSalesAsync(CancellationToken ct = default) =>
        await (from l in db.OrderLines.AsNoTracking()
               join o in db.Orders on l.OrderId equals o.Id
               where o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded
               group l by l.ProductId into g
               select new { g.Key, Sales = g.Sum(l => l.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sales, ct);
}

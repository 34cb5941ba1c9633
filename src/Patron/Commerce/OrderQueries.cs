using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

public sealed record ListOrders(Guid? CustomerId = null, Guid? StoreId = null, SalesChannel? Source = null, OrderStatus? Status = null,
    DateTime? From = null, DateTime? To = null, int PageIndex = 0, int PageSize = 25);

/// <summary>Orders newest first, with store and customer names filled in.</summary>
public sealed class ListOrdersHandler(PatronDb db, CustomerDirectory customers)
{
    public async Task<Page<OrderSummary>> HandleAsync(ListOrders q, CancellationToken ct = default)
    {
        var (index, size) = Paging.Clamp(q.PageIndex, q.PageSize);
        var query = db.Orders.AsNoTracking();
        if (q.CustomerId is { } cid) query = query.Where(o => o.CustomerId == cid);
        if (q.StoreId is { } sid) query = query.Where(o => o.StoreId == sid);
        if (q.Source is { } src) query = query.Where(o => o.Source == src);
        if (q.Status is { } st) query = query.Where(o => o.Status == st);
        if (q.From is { } from) query = query.Where(o => o.PlacedAt >= from);
        if (q.To is { } to) query = query.Where(o => o.PlacedAt < to);
        var total = await query.CountAsync(ct);
        var orders = await query.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Skip(index * size).Take(size)
            .Select(o => new { Order = o, LineCount = o.Lines.Count })
            .ToListAsync(ct);
        var rows = await OrderViews.SummariesAsync(db, customers, orders.Select(o => (o.Order, o.LineCount)).ToList(), ct);
        return new Page<OrderSummary>(rows, total, index, size);
    }
}

public sealed class GetOrderHandler(PatronDb db, CustomerDirectory customers)
{
    public async Task<OrderDetails?> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is null ? null : await OrderViews.DetailsAsync(db, customers, order, ct);
    }
}

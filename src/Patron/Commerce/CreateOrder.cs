using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

/// <param name="Sku">The product by SKU, or give <paramref name="ProductId"/>.</param>
/// <param name="Amount">The line total in fen; Quantity × UnitPrice when omitted (send it for line discounts).</param>
public sealed record CreateOrderLine(string? Sku = null, Guid? ProductId = null, int Quantity = 0, long UnitPrice = 0, long? Amount = null);

/// <summary>
/// A sale from a till, a shop export or an integration. (Source, ExternalId) is the idempotency key.
/// The store is given by code or id (or neither for online sales); the customer by id, mobile or member card (or
/// none for an anonymous sale). Amounts are fen; GrossAmount and PaidAmount are optional checks against the lines.
/// </summary>
/// <param name="PlacedAt">UTC (Z) or with an offset such as +08:00.</param>
public sealed record CreateOrder(
    SalesChannel? Source, string? ExternalId, DateTime? PlacedAt, IReadOnlyList<CreateOrderLine>? Lines,
    string? StoreCode = null, Guid? StoreId = null,
    Guid? CustomerId = null, string? CustomerMobile = null, string? CustomerMemberCardNo = null,
    OrderStatus Status = OrderStatus.Completed, long DiscountAmount = 0, long? GrossAmount = null, long? PaidAmount = null,
    long? RefundedAmount = null, string? Currency = null, PaymentMethod PaymentMethod = PaymentMethod.Other);

/// <summary>The order, and whether it already existed (a replay: nothing was written).</summary>
public sealed record CreatedOrder(OrderDetails Order, bool Replayed);

/// <summary>
/// Writes the order and its notices to the observers (the outbox, <see cref="OrderNotice"/>) in one SaveChanges, then
/// delivers them. An observer that fails does not fail the request: its notice is tried again by the schedule.
/// </summary>
public sealed class CreateOrderHandler(PatronDb db, CustomerDirectory customers, TimeProvider clock, IEnumerable<IOrderObserver> observers)
{
    readonly OrderNoticeDispatcher notices = new(db, observers, clock);

    public async Task<WriteResult<CreatedOrder>> HandleAsync(CreateOrder request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var externalId = request.ExternalId?.Trim();
        if (request.Source is not { } source || !Enum.IsDefined(source))
            errors.Add("source", $"Required, one of {string.Join(", ", Enum.GetNames<SalesChannel>())}.");
        if (string.IsNullOrEmpty(externalId))
            errors.Add("externalId", "Required: the order's id in the source system, which makes a replay safe.");
        else if (externalId.Length > 64)
            errors.Add("externalId", "At most 64 characters.");
        if (errors.Any) return WriteResult<CreatedOrder>.Invalid(errors);

        // The key decides before anything else: a replay returns the original even if the catalogue has changed since.
        if (await FindAsync(request.Source!.Value, externalId!, ct) is { } original)
            return WriteResult<CreatedOrder>.Ok(new CreatedOrder(original, Replayed: true));

        var order = await new OrderDraft(db, customers, clock.GetUtcNow().UtcDateTime, errors).BuildAsync(request, ct);
        if (order is null) return WriteResult<CreatedOrder>.Invalid(errors);
        order.Source = request.Source!.Value;
        order.ExternalId = externalId!;

        db.Orders.Add(order);
        var outbox = notices.NoticesFor(OrderNoticeKind.Placed, order.Id, refundId: null, order.CustomerId, clock.GetUtcNow().UtcDateTime);
        db.AddRange(outbox);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent identical request inserted first and the unique (source, external_id) index refused ours.
            db.ChangeTracker.Clear();
            if (await FindAsync(order.Source, order.ExternalId, ct) is { } winner)
                return WriteResult<CreatedOrder>.Ok(new CreatedOrder(winner, Replayed: true));
            throw;
        }
        // Read back rather than map the entity: the database rounds times (PostgreSQL to microseconds), and a replay,
        // which reads, must answer with exactly the same body as the first request.
        db.ChangeTracker.Clear();
        var stored = await FindAsync(order.Source, order.ExternalId, ct) ?? throw new InvalidOperationException("The saved order vanished.");
        await notices.DeliverPlacedAsync(outbox, stored, ct);
        return WriteResult<CreatedOrder>.Ok(new CreatedOrder(stored, Replayed: false));
    }

    async Task<OrderDetails?> FindAsync(SalesChannel source, string externalId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.Source == source && o.ExternalId == externalId, ct);
        return order is null ? null : await OrderViews.DetailsAsync(db, customers, order, ct);
    }
}

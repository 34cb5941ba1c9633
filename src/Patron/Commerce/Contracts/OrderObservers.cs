using Patron.Customers.Contracts;

namespace Patron.Commerce.Contracts;

/// <summary>
/// How other modules react to sales without Commerce knowing them (loyalty earns points, segmentation updates a
/// customer's features): register an implementation in DI. The order handlers write one outbox row per observer with the
/// order (same transaction) and call every observer after the commit, in the request's scope, never for a replay. An
/// observer that throws does not fail the request nor undo the order: its row is delivered again later, with backoff,
/// until it succeeds; other observers are not called again. Delivery is at least once (a crash between an observer's
/// success and the row's marking repeats it), so observers should be idempotent per order id.
/// </summary>
public interface IOrderObserver
{
    Task OrderPlacedAsync(OrderDetails order, CancellationToken ct);

    /// <summary>
    /// After a refund is committed (never for a replay of it). Idempotent per refund id; the notice carries the
    /// order's cumulative refunded amount so that an observer can work from totals rather than sum deltas.
    /// </summary>
    Task OrderRefundedAsync(OrderRefundNotice refund, CancellationToken ct) => Task.CompletedTask;
}

/// <param name="Amount">This refund, in fen.</param>
/// <param name="TotalRefunded">All refunds of the order so far, this one included.</param>
/// <param name="PaidAmount">What the order paid: a full refund has TotalRefunded = PaidAmount.</param>
public sealed record OrderRefundNotice(
    Guid RefundId, Guid OrderId, Guid? CustomerId, SalesChannel Source, string ExternalId,
    long Amount, long TotalRefunded, long PaidAmount, DateTime RefundedAt);

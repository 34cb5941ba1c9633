namespace Patron.Commerce.Contracts;

/// <summary>
/// How other modules react to sales without Commerce knowing them (loyalty earns points, segmentation updates a
/// customer's features): register an implementation in DI. The order handlers call every observer after the order is
/// committed, in the request's scope, and never for a replay, so an observer sees each order once per write. An
/// observer that throws does not undo the order (it is already committed): observers must be idempotent per order id
/// so that a later reconciliation can call them again safely.
/// </summary>
public interface IOrderObserver
{
    Task OrderPlacedAsync(OrderDetails order, CancellationToken ct);
}

using Patron.Commerce.Contracts;

namespace Patron.Segmentation;

/// <summary>
/// Updates the buyer's features as each order or refund is committed, then wakes the refresher so saved segments follow within
/// seconds. Commerce calls observers once per new order (never for a replay), which is what keeps the counters exact.
/// </summary>
sealed class OrderFeatures(SegmentationEngine engine, SegmentationSignal signal, LifecycleTransitionsCache? transitions = null) : IOrderObserver
{
    public async Task OrderPlacedAsync(OrderDetails order, CancellationToken ct)
    {
        transitions?.OrderArrived(order.Order.PlacedAt);
        await engine.ApplyOrderAsync(order, ct);
        signal.Poke();
    }

    public async Task OrderRefundedAsync(OrderRefundNotice refund, CancellationToken ct)
    {
        transitions?.Clear();
        await engine.ApplyRefundAsync(refund, ct);
        signal.Poke();
    }
}

/// <summary>A coalescing wake-up: many orders in a burst cause one membership refresh, not one each.</summary>
public sealed class SegmentationSignal
{
    readonly SemaphoreSlim pending = new(0, 1);

    public void Poke()
    {
        try { pending.Release(); }
        catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => pending.WaitAsync(timeout, ct);
}

namespace Patron.Engine.Lifecycle;

/// <summary>
/// A customer's lifecycle state on a past day from the purchase history alone, so that the transition matrix can
/// classify everyone at the end of two months with the same rules the feature store uses today.
/// </summary>
public static class LifecycleAsOf
{
    /// <param name="purchaseDays">Day numbers of the customer's purchases in ascending order, one per order (a day may repeat).</param>
    /// <param name="asOfDay">Purchases after this day are ignored.</param>
    public static LifecycleState State(ReadOnlySpan<int> purchaseDays, int asOfDay, StateThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var n = 0;
        while (n < purchaseDays.Length && purchaseDays[n] <= asOfDay) n++;
        if (n == 0) return LifecycleState.Prospect;
        var seen = purchaseDays[..n];
        var gap = thresholds.OwnGap is null ? double.NaN : PurchaseGaps.Median(seen);
        return LifecycleStates.Of(n, asOfDay - seen[0], asOfDay - seen[n - 1], gap, thresholds);
    }
}

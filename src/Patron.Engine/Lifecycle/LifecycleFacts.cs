namespace Patron.Engine.Lifecycle;

/// <summary>
/// What lifecycle classification reads, one array per feature, parallel by customer index, all as of one day.
/// For a customer with no purchase (<see cref="Purchases"/> = 0) the day counts and the gap are ignored.
/// </summary>
/// <param name="DaysSinceFirstPurchase">Tenure as a buyer: whole days from the first purchase to the as-of day.</param>
/// <param name="DaysSinceLastPurchase">Recency: whole days from the last purchase to the as-of day.</param>
/// <param name="Purchases">Purchase orders (refunded and cancelled ones excluded), as the profile counts them.</param>
/// <param name="MedianGapDays">
/// The customer's usual gap between purchases (see <see cref="PurchaseGaps.Median"/>), NaN when unknown.
/// Only read by the relative-to-own-gap rule; may be null when that rule is off.
/// </param>
public sealed record LifecycleFacts(int[] DaysSinceFirstPurchase, int[] DaysSinceLastPurchase, int[] Purchases, double[]? MedianGapDays = null)
{
    public int Count => Purchases.Length;

    internal void CheckShape()
    {
        if (DaysSinceFirstPurchase.Length != Count || DaysSinceLastPurchase.Length != Count || (MedianGapDays is { } g && g.Length != Count))
            throw new ArgumentException("Every lifecycle column must have one entry per customer.");
    }
}

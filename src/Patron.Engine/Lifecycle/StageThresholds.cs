namespace Patron.Engine.Lifecycle;

/// <summary>
/// Thresholds of the lifecycle stage, each inclusive. A buyer is mature with at least
/// <see cref="MaturePurchases"/> purchases over at least <see cref="MatureTenureDays"/> days since the first;
/// loyal with at least <see cref="LoyalPurchases"/> over at least <see cref="LoyalTenureDays"/> days and a last
/// purchase at most <see cref="LoyalWithinDays"/> days ago; initial otherwise. Tenure matters as well as count:
/// five orders in a customer's first week show enthusiasm, not yet a relationship. Recency matters only for
/// loyal: a customer who stopped coming is no longer loyal, but the history that made them mature stays.
/// </summary>
public sealed record StageThresholds
{
    public StageThresholds(int maturePurchases, int matureTenureDays, int loyalPurchases, int loyalTenureDays, int loyalWithinDays)
    {
        if (maturePurchases < 2 || loyalPurchases <= maturePurchases)
            throw new ArgumentException($"Stage thresholds need 2 ≤ mature purchases < loyal purchases (got {maturePurchases}, {loyalPurchases}).");
        if (matureTenureDays < 0 || loyalTenureDays < matureTenureDays)
            throw new ArgumentException($"Stage thresholds need 0 ≤ mature tenure ≤ loyal tenure days (got {matureTenureDays}, {loyalTenureDays}).");
        if (loyalWithinDays < 0) throw new ArgumentException($"The loyal recency window cannot be negative (got {loyalWithinDays}).", nameof(loyalWithinDays));
        MaturePurchases = maturePurchases;
        MatureTenureDays = matureTenureDays;
        LoyalPurchases = loyalPurchases;
        LoyalTenureDays = loyalTenureDays;
        LoyalWithinDays = loyalWithinDays;
    }

    public int MaturePurchases { get; }
    public int MatureTenureDays { get; }
    public int LoyalPurchases { get; }
    public int LoyalTenureDays { get; }
    public int LoyalWithinDays { get; }
}

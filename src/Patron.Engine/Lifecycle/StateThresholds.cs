namespace Patron.Engine.Lifecycle;

/// <summary>
/// Day thresholds of the lifecycle state, each inclusive ("within 30 days" includes day 30):
/// new while the first purchase is at most <see cref="NewWithinDays"/> old; otherwise active while the last
/// purchase is at most <see cref="ActiveWithinDays"/> old, dormant while at most <see cref="DormantWithinDays"/>,
/// churned beyond. With <see cref="OwnGap"/> set, customers with enough purchases are judged against their own
/// usual gap instead, and the day thresholds remain the fallback for the rest.
/// Precedence: prospect, then churned, then dormant, then new, then active. Under the fixed days a new customer
/// can never be dormant (new ≤ active); under the own-gap rule one can, and is: a customer who bought three times
/// in their first week and then stopped has broken their own habit, however recent the first purchase.
/// </summary>
public sealed record StateThresholds
{
    public StateThresholds(int newWithinDays, int activeWithinDays, int dormantWithinDays, OwnGapRule? ownGap = null)
    {
        // New ≤ active keeps "new" a sub-case of "recent": a first purchase within the new window is also
        // within the active window, so a new customer is never at the same time past the active window.
        if (newWithinDays < 0 || newWithinDays > activeWithinDays || activeWithinDays >= dormantWithinDays)
            throw new ArgumentException(
                $"Lifecycle thresholds need 0 ≤ new ≤ active < dormant days (got new {newWithinDays}, active {activeWithinDays}, dormant {dormantWithinDays}).");
        NewWithinDays = newWithinDays;
        ActiveWithinDays = activeWithinDays;
        DormantWithinDays = dormantWithinDays;
        OwnGap = ownGap;
    }

    public int NewWithinDays { get; }
    public int ActiveWithinDays { get; }
    public int DormantWithinDays { get; }
    public OwnGapRule? OwnGap { get; }

    public StateThresholds WithOwnGap(OwnGapRule? ownGap) => new(NewWithinDays, ActiveWithinDays, DormantWithinDays, ownGap);
}

/// <summary>
/// The relative rule: dormant once the days since the last purchase exceed <see cref="DormantMultiple"/> × the
/// customer's median gap, churned once they exceed <see cref="ChurnedMultiple"/> ×. Only for customers with at
/// least <see cref="MinPurchases"/> purchases: with fewer, the median rests on one or no gap and says little.
/// <para>
/// The floors keep a frequent buyer from lapsing within days: someone who shops every 3 days is not dormant after 7
/// quiet days (2 × 3 = 6), it is an ordinary week away. Dormant needs more than max(k × gap, <see cref="DormantFloorDays"/>)
/// days, churned more than max(k × gap, <see cref="ChurnedFloorDays"/>); both inclusive like the fixed days.
/// </para>
/// </summary>
public sealed record OwnGapRule
{
    /// <summary>
    /// Defaults: dormant past 2 × the usual gap (a whole expected visit missed, with room for ordinary jitter),
    /// churned past 4 × (three visits in a row missed), from 3 purchases (two gaps, the fewest that make a
    /// median differ from a single gap's chance).
    /// </summary>
    public OwnGapRule(double dormantMultiple = 2, double churnedMultiple = 4, int minPurchases = 3, int dormantFloorDays = 0, int churnedFloorDays = 0)
    {
        if (dormantFloorDays < 0 || churnedFloorDays < dormantFloorDays)
            throw new ArgumentException($"The own-gap floors need 0 ≤ dormant floor ≤ churned floor days (got {dormantFloorDays}, {churnedFloorDays}).");
        if (!(dormantMultiple >= 1) || !(churnedMultiple > dormantMultiple) || double.IsInfinity(churnedMultiple))
            throw new ArgumentException($"The own-gap rule needs 1 ≤ dormant multiple < churned multiple (got {dormantMultiple}, {churnedMultiple}).");
        if (minPurchases < 2) throw new ArgumentException($"A usual gap needs at least 2 purchases (got {minPurchases}).", nameof(minPurchases));
        DormantMultiple = dormantMultiple;
        ChurnedMultiple = churnedMultiple;
        MinPurchases = minPurchases;
        DormantFloorDays = dormantFloorDays;
        ChurnedFloorDays = churnedFloorDays;
    }

    public double DormantMultiple { get; }
    public double ChurnedMultiple { get; }
    public int MinPurchases { get; }
    public int DormantFloorDays { get; }
    public int ChurnedFloorDays { get; }

    /// <summary>The same multiples with floors in days; see the class remarks.</summary>
    public OwnGapRule WithFloors(int dormantFloorDays, int churnedFloorDays) =>
        new(DormantMultiple, ChurnedMultiple, MinPurchases, dormantFloorDays, churnedFloorDays);

    public static OwnGapRule Default { get; } = new();
}

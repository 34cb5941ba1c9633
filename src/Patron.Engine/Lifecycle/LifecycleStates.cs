namespace Patron.Engine.Lifecycle;

/// <summary>Lifecycle state of every customer; see <see cref="StateThresholds"/> for the rules.</summary>
public static class LifecycleStates
{
    public static LifecycleState[] Classify(LifecycleFacts facts, StateThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(thresholds);
        facts.CheckShape();
        var rule = thresholds.OwnGap;
        if (rule is not null && facts.MedianGapDays is null)
            throw new ArgumentException("The own-gap rule is on, so the facts need the median gap per customer.", nameof(facts));
        var states = new LifecycleState[facts.Count];
        for (var i = 0; i < states.Length; i++)
            states[i] = Of(facts.Purchases[i], facts.DaysSinceFirstPurchase[i], facts.DaysSinceLastPurchase[i],
                rule is null ? double.NaN : facts.MedianGapDays![i], thresholds);
        return states;
    }

    /// <summary>One customer; <paramref name="medianGapDays"/> is NaN when unknown or when the own-gap rule is off.</summary>
    public static LifecycleState Of(int purchases, int daysSinceFirst, int daysSinceLast, double medianGapDays, StateThresholds t)
    {
        if (purchases <= 0) return LifecycleState.Prospect;
        var rule = t.OwnGap;
        // A gap of 0 cannot occur from PurchaseGaps (distinct days) but could from a caller's own figure;
        // k × 0 would make every later day dormant, so such a customer falls back to the fixed days.
        if (rule is not null && purchases >= rule.MinPurchases && medianGapDays > 0 && double.IsFinite(medianGapDays))
        {
            if (daysSinceLast > Math.Max(rule.ChurnedMultiple * medianGapDays, rule.ChurnedFloorDays)) return LifecycleState.Churned;
            if (daysSinceLast > Math.Max(rule.DormantMultiple * medianGapDays, rule.DormantFloorDays)) return LifecycleState.Dormant;
        }
        else
        {
            if (daysSinceLast > t.DormantWithinDays) return LifecycleState.Churned;
            if (daysSinceLast > t.ActiveWithinDays) return LifecycleState.Dormant;
        }
        return daysSinceFirst <= t.NewWithinDays ? LifecycleState.New : LifecycleState.Active;
    }
}

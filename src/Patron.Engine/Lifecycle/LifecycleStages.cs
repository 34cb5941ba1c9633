namespace Patron.Engine.Lifecycle;

/// <summary>Lifecycle stage of every customer; see <see cref="StageThresholds"/> for the rules.</summary>
public static class LifecycleStages
{
    public static LifecycleStage[] Classify(LifecycleFacts facts, StageThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(thresholds);
        facts.CheckShape();
        var stages = new LifecycleStage[facts.Count];
        for (var i = 0; i < stages.Length; i++)
            stages[i] = Of(facts.Purchases[i], facts.DaysSinceFirstPurchase[i], facts.DaysSinceLastPurchase[i], thresholds);
        return stages;
    }

    public static LifecycleStage Of(int purchases, int daysSinceFirst, int daysSinceLast, StageThresholds t)
    {
        if (purchases <= 0) return LifecycleStage.Potential;
        if (purchases >= t.LoyalPurchases && daysSinceFirst >= t.LoyalTenureDays && daysSinceLast <= t.LoyalWithinDays)
            return LifecycleStage.Loyal;
        if (purchases >= t.MaturePurchases && daysSinceFirst >= t.MatureTenureDays) return LifecycleStage.Mature;
        return LifecycleStage.Initial;
    }
}

using Patron.Engine.Lifecycle;
using Patron.Engine.Rfm;
using Patron.Engine.Segments;
using Patron.Engine.Tiers;

namespace Patron.Engine.Features;

/// <summary>Reads for pages: one customer, the R×F grid, the lifecycle funnel.</summary>
public sealed partial class FeatureStore
{
    public CustomerFeatures? Get(Guid customer)
    {
        if (!positions.TryGetValue(customer, out var i)) return null;
        return new CustomerFeatures((int)frequency[i], (long)monetary[i], Num(recency[i]), Num(aov[i]), Day(firstDay[i]), Day(lastDay[i]),
            Num(meanGap[i]), Num(medianGap[i]), Score(rfmR[i]), Score(rfmF[i]), Score(rfmM[i]),
            rfmSegment[i] < 0 ? null : RfmSegments.All[rfmSegment[i]].Key,
            LifecycleNames.States[lifecycleState[i]].Key, LifecycleNames.Stages[lifecycleStage[i]].Key,
            frequencyTier[i] < 0 ? null : TierNames.Of(TierKind.Frequency, (Tier)frequencyTier[i]).Key,
            spendTier[i] < 0 ? null : TierNames.Of(TierKind.Spend, (Tier)spendTier[i]).Key,
            favouriteStore[i] < 0 ? null : stores[favouriteStore[i]], topCategory[i] < 0 ? null : categories[topCategory[i]],
            ageBand[i] < 0 ? null : AgeBands.Keys[ageBand[i]])
        {
            LifetimeSpend = (long)lifetimeSpend[i],
            MonetaryWindowDays = monetaryWindow,
            ValueTier = valueTier[i] < 0 ? null : TierNames.Of(TierKind.Value, (Tier)valueTier[i]).Key,
            ClvPercentile = Num(clvPercentile[i]),
        };
    }

    /// <summary>Customers and their spend per cell, [r−1, f−1]; customers with no purchase are in no cell.</summary>
    /// <param name="live">The customers to count (a snapshot's live ones: not merged into another); all when null.</param>
    public (int[,] Customers, long[,] Monetary) RfmGrid(Bitset? live = null)
    {
        var counts = new int[5, 5];
        var spend = new long[5, 5];
        for (var i = 0; i < Count; i++)
        {
            if (double.IsNaN(rfmR[i]) || (live is not null && !live[i])) continue;
            var (r, f) = ((int)rfmR[i] - 1, (int)rfmF[i] - 1);
            counts[r, f]++;
            spend[r, f] += (long)monetary[i];
        }
        return (counts, spend);
    }

    /// <summary>Customers per lifecycle stage and per state, indexed by the enum codes.</summary>
    /// <param name="live">The customers to count (a snapshot's live ones: not merged into another); all when null.</param>
    public (int[] Stages, int[] States) Lifecycle(Bitset? live = null)
    {
        var byStage = new int[LifecycleNames.Stages.Count];
        var byState = new int[LifecycleNames.States.Count];
        for (var i = 0; i < Count; i++)
        {
            if (live is not null && !live[i]) continue;
            byStage[lifecycleStage[i]]++;
            byState[lifecycleState[i]]++;
        }
        return (byStage, byState);
    }

    static double? Num(double v) => double.IsNaN(v) ? null : v;

    static int? Score(double v) => double.IsNaN(v) ? null : (int)v;

    static DateOnly? Day(int d) => d == DateColumn.Missing ? null : DateColumn.ToDate(d);
}

using Patron.Engine.Lifecycle;
using Patron.Engine.Rfm;
using Patron.Engine.Segments;
using Patron.Engine.Tiers;

namespace Patron.Engine.Features;

/// <summary>Features derived from the counters: one customer per order (<see cref="Refresh"/>), everyone on a rebase.</summary>
public sealed partial class FeatureStore
{
    RankCut rCut = RankCut.Empty(5, lowerIsBetter: true), fCut = RankCut.Empty(5, false), mCut = RankCut.Empty(5, false);
    RankCut frequencyTiers = RankCut.Empty(3, false), spendTiers = RankCut.Empty(3, false);

    /// <summary>
    /// Moves the as-of day and re-cuts the population: RFM quintiles and tertile tiers over the customers who bought
    /// (a customer who never bought has no RFM score and no tier), then re-derives every customer.
    /// </summary>
    public void Rebase(DateOnly asOf)
    {
        AsOf = asOf;
        var today = DateColumn.ToDay(asOf);
        var buyers = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (frequency[i] == 0) continue;
            buyers.Add(i);
            if (monetaryWindow is not null) monetary[i] = WindowSpend(i, today);
        }
        var r = new double[buyers.Count];
        var f = new double[buyers.Count];
        var m = new double[buyers.Count];
        for (var k = 0; k < buyers.Count; k++)
        {
            var i = buyers[k];
            (r[k], f[k], m[k]) = (today - lastDay[i], frequency[i], monetary[i]);
        }
        // Five cuts from three sorts (the tiers share the F and M sorts), on both cores.
        RankCut? sortedF = null, sortedM = null;
        Parallel.Invoke(() => rCut = new RankCut(r, 5, true), () => sortedF = new RankCut(f, 5, false), () => sortedM = new RankCut(m, 5, false));
        (fCut, mCut) = (sortedF!, sortedM!);
        (frequencyTiers, spendTiers) = (fCut.WithBuckets(3), mCut.WithBuckets(3));
        // Customers are independent: two ranges on two threads, the same values as one loop.
        var half = Count / 2;
        Parallel.For(0, 2, part =>
        {
            var (from, to) = part == 0 ? (0, half) : (half, Count);
            for (var i = from; i < to; i++)
            {
                ageBand[i] = birthday[i] == DateColumn.Missing ? -1 : AgeBands.Of(DateColumn.ToDate(birthday[i]), asOf);
                Refresh(i);
            }
        });
    }

    /// <summary>Re-derives one customer from its counters; cost grows with its categories and purchase days, not with N.</summary>
    void Refresh(int i)
    {
        var n = frequency[i];
        for (var c = 0; c < channelShare.Count; c++) channelShare[c][i] = n > 0 ? channelOrders[c][i] / n : double.NaN;
        var top = -1;
        for (var c = 0; c < categoryShare.Count; c++)
        {
            var spend = categorySpend[c][i];
            categoryShare[c][i] = lineTotal[i] > 0 ? spend / lineTotal[i] : double.NaN;
            if (spend > 0 && (top < 0 || spend > categorySpend[top][i])) top = c;
        }
        topCategory[i] = top;
        if (n == 0)
        {
            aov[i] = recency[i] = tenure[i] = meanGap[i] = medianGap[i] = rfmR[i] = rfmF[i] = rfmM[i] = double.NaN;
            rfmSegment[i] = frequencyTier[i] = spendTier[i] = -1;
            lifecycleState[i] = (int)LifecycleState.Prospect;
            lifecycleStage[i] = (int)LifecycleStage.Potential;
            return;
        }
        var today = DateColumn.ToDay(AsOf);
        if (monetaryWindow is not null) monetary[i] = WindowSpend(i, today);
        aov[i] = lifetimeSpend[i] / n;
        recency[i] = today - lastDay[i];
        tenure[i] = today - firstDay[i];
        var distinct = days[i];
        meanGap[i] = distinct.Length >= 2 ? (double)(distinct[^1] - distinct[0]) / (distinct.Length - 1) : double.NaN;
        medianGap[i] = MedianOfGaps(distinct);
        var (r, f, m) = (rCut.Bucket(recency[i]) + 1, fCut.Bucket(n) + 1, mCut.Bucket(monetary[i]) + 1);
        (rfmR[i], rfmF[i], rfmM[i]) = (r, f, m);
        rfmSegment[i] = (int)RfmSegments.Of(r, f, m);
        frequencyTier[i] = (int)(Tier)frequencyTiers.Bucket(n);
        spendTier[i] = (int)(Tier)spendTiers.Bucket(monetary[i]);
        var (sinceFirst, sinceLast) = ((int)tenure[i], (int)recency[i]);
        lifecycleState[i] = (int)LifecycleStates.Of((int)n, sinceFirst, sinceLast, states.OwnGap is null ? double.NaN : medianGap[i], states);
        lifecycleStage[i] = (int)LifecycleStages.Of((int)n, sinceFirst, sinceLast, stages);
    }

    /// <summary>
    /// <see cref="PurchaseGaps.Median"/> for days already sorted and distinct, without its two allocations per call
    /// (a rebase calls it for every buyer).
    /// </summary>
    static double MedianOfGaps(int[] distinct)
    {
        if (distinct.Length < 2) return double.NaN;
        var n = distinct.Length - 1;
        Span<int> gaps = n <= 256 ? stackalloc int[n] : new int[n];
        for (var k = 0; k < n; k++) gaps[k] = distinct[k + 1] - distinct[k];
        gaps.Sort();
        var mid = n / 2;
        return n % 2 == 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2.0;
    }
}

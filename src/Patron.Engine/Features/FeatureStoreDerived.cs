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
        (rCut, fCut, mCut) = (new RankCut(r, 5, true), new RankCut(f, 5, false), new RankCut(m, 5, false));
        (frequencyTiers, spendTiers) = (new RankCut(f, 3, false), new RankCut(m, 3, false));
        for (var i = 0; i < Count; i++)
        {
            ageBand[i] = birthday[i] == DateColumn.Missing ? -1 : AgeBands.Of(DateColumn.ToDate(birthday[i]), asOf);
            Refresh(i);
        }
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
        medianGap[i] = PurchaseGaps.Median(distinct);
        var (r, f, m) = (rCut.Bucket(recency[i]) + 1, fCut.Bucket(n) + 1, mCut.Bucket(monetary[i]) + 1);
        (rfmR[i], rfmF[i], rfmM[i]) = (r, f, m);
        rfmSegment[i] = (int)RfmSegments.Of(r, f, m);
        frequencyTier[i] = (int)(Tier)frequencyTiers.Bucket(n);
        spendTier[i] = (int)(Tier)spendTiers.Bucket(monetary[i]);
        var (sinceFirst, sinceLast) = ((int)tenure[i], (int)recency[i]);
        lifecycleState[i] = (int)LifecycleStates.Of((int)n, sinceFirst, sinceLast, states.OwnGap is null ? double.NaN : medianGap[i], states);
        lifecycleStage[i] = (int)LifecycleStages.Of((int)n, sinceFirst, sinceLast, stages);
    }
}

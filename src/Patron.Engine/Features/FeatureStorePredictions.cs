using Patron.Engine.Tiers;

namespace Patron.Engine.Features;

/// <summary>One customer's stored lifetime-value predictions (Patron's BG/NBD and Gamma-Gamma refresh).</summary>
public readonly record struct CustomerPrediction(Guid Customer, double ProbabilityAlive, double ExpectedPurchases90, double? LifetimeValue);

/// <summary>
/// Predicted scores as columns, so that rules can say "P(alive) &lt; 0.3 and CLV in the top 20%": p_alive,
/// expected_purchases_90d, predicted_clv (fen) and clv_percentile, the share (0–100) of predicted customers whose CLV is
/// at most this one's, so the top 20% is clv_percentile &gt; 80, and value_tier (high/medium/low by <see cref="ValueTierCuts"/>
/// on that percentile). They change only when a prediction run is applied.
/// </summary>
public sealed partial class FeatureStore
{
    double[] pAlive = [], expected90 = [], clv = [], clvPercentile = [];
    int[] valueTier = [];

    /// <summary>Replaces every customer's predictions; customers absent from <paramref name="predictions"/> have none.</summary>
    public void ApplyPredictions(IEnumerable<CustomerPrediction> predictions)
    {
        Array.Fill(pAlive, double.NaN); Array.Fill(expected90, double.NaN); Array.Fill(clv, double.NaN); Array.Fill(clvPercentile, double.NaN);
        Array.Fill(valueTier, -1);
        var valued = new List<int>();
        foreach (var p in predictions)
        {
            if (!positions.TryGetValue(p.Customer, out var i)) continue;
            (pAlive[i], expected90[i]) = (p.ProbabilityAlive, p.ExpectedPurchases90);
            if (p.LifetimeValue is { } v && double.IsFinite(v)) { clv[i] = v; valued.Add(i); }
        }
        // Ties share the highest rank of their run, so equal values always fall on the same side of a cut.
        valued.Sort((a, b) => clv[a].CompareTo(clv[b]));
        for (var k = 0; k < valued.Count;)
        {
            var end = k;
            while (end + 1 < valued.Count && clv[valued[end + 1]] == clv[valued[k]]) end++;
            var percentile = 100.0 * (end + 1) / valued.Count;
            var tier = percentile > valueCuts.HighAbove ? Tier.High : percentile > valueCuts.MediumAbove ? Tier.Medium : Tier.Low;
            for (; k <= end; k++) (clvPercentile[valued[k]], valueTier[valued[k]]) = (percentile, (int)tier);
        }
    }

    void AllocatePredictions(int size)
    {
        Resize(ref pAlive, size, double.NaN); Resize(ref expected90, size, double.NaN);
        Resize(ref clv, size, double.NaN); Resize(ref clvPercentile, size, double.NaN); Resize(ref valueTier, size, -1);
    }
}

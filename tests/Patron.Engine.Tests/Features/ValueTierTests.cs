using Patron.Engine.Features;
using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Features;

public sealed class ValueTierTests
{
    static readonly DateOnly AsOf = new(2026, 3, 31);

    static (FeatureStore Store, Guid[] Ids) Predicted(double[] clvs, ValueTierCuts? cuts = null)
    {
        var store = new FeatureStore(AsOf, new FeatureSettings(valueTiers: cuts), capacity: 64);
        var ids = clvs.Select((_, k) => new Guid(k + 1, 0, 0, new byte[8])).ToArray();
        foreach (var id in ids) store.Upsert(id, new CustomerFacts());
        store.ApplyPredictions(ids.Select((id, k) => new CustomerPrediction(id, 0.5, 1, double.IsNaN(clvs[k]) ? null : clvs[k])));
        return (store, ids);
    }

    [Fact]
    public void Ten_customers_split_into_the_top_fifth_the_next_three_tenths_and_the_lower_half()
    {
        // CLV 100 … 1000: percentiles 10 … 100. High above 80 (90, 100), medium above 50 (60, 70, 80), low the rest.
        var (store, ids) = Predicted([.. Enumerable.Range(1, 10).Select(k => 100.0 * k)]);

        var tiers = ids.Select(id => store.Get(id)!.ValueTier).ToArray();

        Assert.Equal("low_value low_value low_value low_value low_value medium_value medium_value medium_value high_value high_value",
            string.Join(' ', tiers));
        Assert.Equal(80.0, store.Get(ids[7])!.ClvPercentile);
    }

    [Fact]
    public void Tied_values_share_a_tier_and_customers_without_a_prediction_have_none()
    {
        // 5 customers: 10, 20, 20, 40 and one without a CLV. Percentiles over the four valued: 25, 75, 75, 100.
        var (store, ids) = Predicted([10, 20, 20, 40, double.NaN]);

        Assert.Equal("low_value medium_value medium_value high_value -", string.Join(' ', ids.Select(id => store.Get(id)!.ValueTier ?? "-")));
    }

    [Fact]
    public void The_cuts_are_configurable_and_the_tier_is_a_rule_field()
    {
        // Tertile-like cuts: high above 66, medium above 33. Six customers: percentiles 16.7, 33.3, 50, 66.7, 83.3, 100.
        var (store, _) = Predicted([1, 2, 3, 4, 5, 6], new ValueTierCuts(mediumAbove: 33.4, highAbove: 66.6));
        var snapshot = store.Snapshot();

        int Count(string tier) => snapshot.Count(SegmentCompiler.Compile(
            SegmentRuleJson.Parse($$"""{"field":"value_tier","op":"in","value":["{{tier}}"]}"""), snapshot.Table), AsOf);

        Assert.Equal((3, 1, 2), (Count("high_value"), Count("medium_value"), Count("low_value")));
    }

    [Fact]
    public void Cuts_out_of_order_are_rejected() => Assert.Throws<ArgumentException>(() => new ValueTierCuts(80, 50));
}

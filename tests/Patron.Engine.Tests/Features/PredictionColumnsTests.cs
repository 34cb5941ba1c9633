using Patron.Engine.Features;
using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Features;

public sealed class PredictionColumnsTests
{
    static readonly DateOnly AsOf = new(2026, 3, 31);

    [Fact]
    public void Rules_select_on_p_alive_and_the_clv_percentile_and_a_new_run_replaces_the_old()
    {
        var store = new FeatureStore(AsOf, capacity: 64);
        var ids = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids) store.Upsert(id, new CustomerFacts());
        // CLV 100, 200, …, 1000 (customer 9 highest); P(alive) falls from 0.95 to 0.05; customer 4's CLV ties customer 3's.
        store.ApplyPredictions(ids.Select((id, k) => new CustomerPrediction(id, 0.95 - 0.1 * k, 1.0, k == 4 ? 400 : 100.0 * (k + 1))));
        var rule = SegmentRuleJson.Parse("""{"all":[{"field":"p_alive","op":"lt","value":0.3},{"field":"clv_percentile","op":"gt","value":80}]}""");

        var snapshot = store.Snapshot();
        var members = snapshot.Count(SegmentCompiler.Compile(rule, snapshot.Table), AsOf);

        // Top 20% by CLV: customers 8 and 9 (percentiles 90 and 100); both are below 0.3 alive (0.15, 0.05).
        Assert.Equal(2, members);
        var tie = SegmentCompiler.Compile(SegmentRuleJson.Parse("""{"field":"clv_percentile","op":"eq","value":50}"""), snapshot.Table);
        Assert.Equal(2, snapshot.Count(tie, AsOf));   // customers 3 and 4 share CLV 400: both at the top of their run, 5 of 10

        store.ApplyPredictions([new CustomerPrediction(ids[0], 0.1, 0.2, 50), new CustomerPrediction(Guid.NewGuid(), 0.1, 0.2, 9999)]);
        var again = store.Snapshot();
        Assert.Equal(1, again.Count(SegmentCompiler.Compile(rule, again.Table), AsOf));   // only customer 0 has a prediction now
    }
}

using Patron.Engine.Features;
using Patron.Engine.Rfm;
using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Features;

public sealed class FeatureStoreTests
{
    static readonly DateOnly AsOf = new(2026, 3, 31);
    static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    static PurchaseFact Buy(int day, long amount, string channel = "Pos", string? store = null, bool counts = true, params (string, long)[] lines) =>
        new(new DateOnly(2026, 3, 1).AddDays(day - 1), amount, channel, store, [.. lines.Select(l => KeyValuePair.Create(l.Item1, l.Item2))], counts);

    [Fact]
    public void A_customer_with_no_purchases_has_zero_counts_no_recency_and_is_a_prospect()
    {
        var store = new FeatureStore(AsOf);
        store.Upsert(Ann, new CustomerFacts(Gender: "female"));

        var f = store.Get(Ann)!;

        Assert.Equal((0, 0L, (double?)null, (double?)null, (int?)null), (f.Frequency, f.Monetary, f.RecencyDays, f.AverageOrderValue, f.R));
        Assert.Equal(("prospect", "potential", (string?)null), (f.LifecycleState, f.LifecycleStage, f.RfmSegment));
    }

    [Fact]
    public void One_purchase_gives_recency_tenure_and_aov_but_no_gaps()
    {
        var store = new FeatureStore(AsOf);
        store.ApplyPurchase(Ann, Buy(21, 5000));

        var f = store.Get(Ann)!;

        // 21 March to 31 March is 10 days.
        Assert.Equal((1, 5000L, (double?)10, (double?)5000), (f.Frequency, f.Monetary, f.RecencyDays, f.AverageOrderValue));
        Assert.Equal(((double?)null, (double?)null), (f.MeanGapDays, f.MedianGapDays));
        Assert.Equal(new DateOnly(2026, 3, 21), f.FirstPurchase);
        Assert.Equal("new", f.LifecycleState);
    }

    [Fact]
    public void Cancelled_and_refunded_orders_are_not_purchases_and_partial_refunds_count_net()
    {
        var store = new FeatureStore(AsOf);
        store.ApplyPurchase(Ann, Buy(1, 3000));
        store.ApplyPurchase(Ann, Buy(5, 9999, counts: false));
        store.ApplyPurchase(Ann, Buy(6, 2000 - 500));

        var f = store.Get(Ann)!;

        Assert.Equal((2, 4500L, (double?)2250), (f.Frequency, f.Monetary, f.AverageOrderValue));
        Assert.Equal(new DateOnly(2026, 3, 6), f.LastPurchase);
    }

    [Fact]
    public void Gaps_are_between_distinct_purchase_days_whatever_the_arrival_order()
    {
        var store = new FeatureStore(AsOf);
        // Days 1, 3, 4 and 11, with two orders on day 3, the last one arriving first: gaps 2, 1, 7.
        foreach (var day in new[] { 11, 3, 1, 3, 4 }) store.ApplyPurchase(Ann, Buy(day, 100));

        var f = store.Get(Ann)!;

        Assert.Equal(5, f.Frequency);
        Assert.Equal(10.0 / 3, f.MeanGapDays!.Value, 12);
        Assert.Equal(2, f.MedianGapDays);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 11)), (f.FirstPurchase, f.LastPurchase));
    }

    [Fact]
    public void The_favourite_store_has_most_orders_and_a_tie_goes_to_the_store_bought_at_last()
    {
        var store = new FeatureStore(AsOf);
        foreach (var s in new[] { "A", "A", "B" }) store.ApplyPurchase(Ann, Buy(1, 100, store: s));
        foreach (var s in new[] { "A", "B", "B", "A" }) store.ApplyPurchase(Bo, Buy(1, 100, store: s));

        Assert.Equal(("A", "A"), (store.Get(Ann)!.FavouriteStore, store.Get(Bo)!.FavouriteStore));
        store.ApplyPurchase(Ann, Buy(2, 100, store: "B"));
        Assert.Equal("B", store.Get(Ann)!.FavouriteStore);
    }

    [Fact]
    public void Category_spend_shares_sum_lines_and_an_order_counts_once_per_category()
    {
        var store = new FeatureStore(AsOf);
        store.ApplyPurchase(Ann, Buy(10, 4000, lines: [("水果", 1000), ("水果", 2000), ("蔬菜", 1000)]));
        store.ApplyPurchase(Ann, Buy(20, 4000, lines: [("蔬菜", 4000)]));
        var snapshot = store.Snapshot();
        var i = Position(store, Ann);

        Assert.Equal(3000.0 / 8000, Values(snapshot, "spend_share.水果")[i]);
        Assert.Equal(5000.0 / 8000, Values(snapshot, "spend_share.蔬菜")[i]);
        Assert.Equal((1.0, 2.0), (Values(snapshot, "category_orders.水果")[i], Values(snapshot, "category_orders.蔬菜")[i]));
        Assert.Equal("蔬菜", store.Get(Ann)!.TopCategory);
    }

    [Fact]
    public void Channel_shares_are_the_fraction_of_orders_per_channel()
    {
        var store = new FeatureStore(AsOf);
        foreach (var channel in new[] { "Pos", "Pos", "Pos", "MiniProgram" }) store.ApplyPurchase(Ann, Buy(1, 100, channel));
        var snapshot = store.Snapshot();

        Assert.Equal((0.75, 0.25), (Values(snapshot, "channel_share.Pos")[0], Values(snapshot, "channel_share.MiniProgram")[0]));
    }

    [Fact]
    public void Rebased_rfm_scores_equal_the_quintile_scoring_of_the_same_values_ties_included()
    {
        var store = new FeatureStore(AsOf);
        var rng = new Random(7);
        var ids = Enumerable.Range(1, 200).Select(_ => Guid.NewGuid()).ToArray();
        var orders = new List<(int Customer, int Day, long Amount)>();
        foreach (var (id, k) in ids.Select((id, k) => (id, k)))
            for (var n = rng.Next(1, 5); n > 0; n--)
            {
                // Few distinct days and amounts: many ties in every dimension.
                var o = (k, rng.Next(1, 8), 100L * rng.Next(1, 4));
                orders.Add(o);
                store.ApplyPurchase(id, Buy(o.Item2, o.Item3));
            }
        store.Rebase(AsOf);

        var values = new RfmValues(
            [.. ids.Select((_, k) => AsOf.DayNumber - orders.Where(o => o.Customer == k).Max(o => new DateOnly(2026, 3, o.Day).DayNumber))],
            [.. ids.Select((_, k) => orders.Count(o => o.Customer == k))],
            [.. ids.Select((_, k) => orders.Where(o => o.Customer == k).Sum(o => o.Amount))]);
        var expected = RfmScores.ByQuintiles(values);
        for (var k = 0; k < ids.Length; k++)
        {
            var f = store.Get(ids[k])!;
            Assert.Equal((expected.R[k], expected.F[k], expected.M[k]), ((byte)f.R!, (byte)f.F!, (byte)f.M!));
            Assert.Equal(RfmSegments.Info(expected.Segment[k]).Key, f.RfmSegment);
        }
    }

    [Fact]
    public void Incremental_updates_give_the_same_features_as_a_bulk_load_of_the_same_orders()
    {
        var rng = new Random(11);
        var ids = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToArray();
        var orders = Enumerable.Range(0, 1500).Select(_ => (Id: ids[rng.Next(ids.Length)], Fact: Buy(rng.Next(1, 30), rng.Next(1, 50) * 100,
            rng.Next(2) == 0 ? "Pos" : "App", $"S{rng.Next(3)}", lines: [("水果", rng.Next(0, 9) * 100), ("乳品", 100)]))).ToList();
        var live = new FeatureStore(AsOf, capacity: 64);
        var bulk = new FeatureStore(AsOf, capacity: 64);
        bulk.BeginBulk();
        foreach (var (id, fact) in orders) bulk.ApplyPurchase(id, fact);
        bulk.EndBulk(AsOf);
        live.Rebase(AsOf);

        // The live store applies the same orders one at a time after its (empty) cut, then is re-cut like the bulk one.
        foreach (var (id, fact) in orders) live.ApplyPurchase(id, fact);
        live.Rebase(AsOf);

        Assert.Equal(bulk.Count, live.Count);
        foreach (var id in ids.Where(id => bulk.TryPosition(id, out _)))
            Assert.Equal(bulk.Get(id), live.Get(id));
    }

    [Fact]
    public void A_behavioural_segment_counts_real_customers_only_and_its_complement_covers_the_rest()
    {
        var store = new FeatureStore(AsOf, capacity: 64);
        store.Upsert(Ann, new CustomerFacts(City: "上海"));
        store.Upsert(Bo, new CustomerFacts(City: "杭州"));
        store.ApplyPurchase(Ann, Buy(20, 1000, lines: [("水果", 1000)]));
        store.ApplyPurchase(Ann, Buy(25, 1000, lines: [("水果", 1000)]));
        store.ApplyPurchase(Bo, Buy(1, 1000, lines: [("水果", 1000)]));
        store.Rebase(AsOf);
        var snapshot = store.Snapshot();
        var rule = SegmentRuleJson.Parse("""{"all":[{"field":"category_orders.水果","op":"gte","value":2},{"field":"last_bought.水果","op":"within_last_days","value":60}]}""");
        var segment = SegmentCompiler.Compile(rule, snapshot.Table);
        var others = SegmentCompiler.Compile(new NotRule(rule), snapshot.Table);

        Assert.Equal([Position(store, Ann)], snapshot.Members(segment, AsOf).ToIndices());
        Assert.Equal([Position(store, Bo)], snapshot.Members(others, AsOf).ToIndices());
    }

    [Fact]
    public void Growing_past_the_capacity_keeps_every_customer_and_changes_the_version()
    {
        var store = new FeatureStore(AsOf, capacity: 64);
        var ids = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
        var version = store.Version;
        for (var k = 0; k < ids.Length; k++) store.ApplyPurchase(ids[k], Buy(1 + k % 28, 100 + k, lines: [("水果", 10)]));

        Assert.NotEqual(version, store.Version);
        Assert.Equal(200, store.Count);
        Assert.All(ids.Select((id, k) => (id, k)), x => Assert.Equal(100 + x.k, store.Get(x.id)!.Monetary));
        Assert.Equal(200, store.Snapshot().Count(SegmentCompiler.Compile(SegmentRuleJson.Parse("""{"field":"spend_share.水果","op":"gt","value":0}"""), store.Snapshot().Table), AsOf));
    }

    [Fact]
    public void Age_bands_count_completed_years_with_a_leap_day_birthday_on_28_february()
    {
        Assert.Equal("18_24", AgeBands.Keys[AgeBands.Of(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28))]);
        Assert.Equal("under_18", AgeBands.Keys[AgeBands.Of(new DateOnly(2008, 3, 1), new DateOnly(2026, 2, 28))]);
        Assert.Equal(-1, AgeBands.Of(null, AsOf));
    }

    static int Position(FeatureStore store, Guid id) => store.TryPosition(id, out var i) ? i : throw new InvalidOperationException();

    static double[] Values(FeatureSnapshot s, string column) => ((NumericColumn)s.Table.Columns[column]).Values;
}

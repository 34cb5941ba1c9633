using Patron.Engine.Features;
using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Features;

public sealed class MonetaryWindowTests
{
    static readonly DateOnly AsOf = new(2026, 6, 30);
    static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    static PurchaseFact Buy(int daysAgo, long amount, bool counts = true) => new(AsOf.AddDays(-daysAgo), amount, "Pos", Counts: counts);

    static FeatureStore Store(int? window) => new(AsOf, new FeatureSettings(monetaryWindowDays: window));

    [Fact]
    public void A_30_day_window_counts_the_purchase_29_days_ago_but_not_the_one_30_days_ago()
    {
        var store = Store(30);
        store.ApplyPurchase(Ann, Buy(29, 1_000));
        store.ApplyPurchase(Ann, Buy(30, 20_000));
        store.ApplyPurchase(Ann, Buy(0, 300));
        store.ApplyPurchase(Ann, Buy(1, 5_000, counts: false));

        var f = store.Get(Ann)!;

        // Window = today and the 29 days before it: 1,000 + 300. AOV stays all-time: (1,000 + 20,000 + 300) / 3.
        Assert.Equal((1_300L, 21_300L, 3, (double?)7_100, (int?)30), (f.Monetary, f.LifetimeSpend, f.Frequency, f.AverageOrderValue, f.MonetaryWindowDays));
    }

    [Fact]
    public void Two_purchases_on_the_same_day_both_count_and_the_window_moves_with_the_rebase()
    {
        var store = Store(30);
        store.ApplyPurchase(Ann, Buy(29, 1_000));
        store.ApplyPurchase(Ann, Buy(29, 2_000));
        store.ApplyPurchase(Ann, Buy(10, 400));
        Assert.Equal(3_400L, store.Get(Ann)!.Monetary);

        store.Rebase(AsOf.AddDays(1));   // the day-29 purchases are now 30 days old

        Assert.Equal((400L, 3_400L), (store.Get(Ann)!.Monetary, store.Get(Ann)!.LifetimeSpend));
    }

    [Fact]
    public void Without_a_window_monetary_is_all_time_spend()
    {
        var store = Store(null);
        store.ApplyPurchase(Ann, Buy(700, 9_000));
        store.ApplyPurchase(Ann, Buy(3, 1_000));

        var f = store.Get(Ann)!;

        Assert.Equal((10_000L, 10_000L, (int?)null), (f.Monetary, f.LifetimeSpend, f.MonetaryWindowDays));
    }

    [Fact]
    public void The_M_score_and_rules_rank_spend_within_the_window()
    {
        // Ann spent a lot a year ago and nothing lately; Bo a little last week. All time Ann is the bigger spender;
        // over 90 days Bo is.
        foreach (var (window, annAhead) in new[] { ((int?)null, true), (90, false) })
        {
            var store = Store(window);
            store.BeginBulk();
            store.ApplyPurchase(Ann, Buy(365, 50_000));
            store.ApplyPurchase(Bo, Buy(7, 800));
            store.EndBulk(AsOf);
            var (ann, bo) = (store.Get(Ann)!, store.Get(Bo)!);
            Assert.Equal(annAhead, ann.M > bo.M);

            var snapshot = store.Snapshot();
            var rule = SegmentCompiler.Compile(SegmentRuleJson.Parse("""{"field":"monetary","op":"gte","value":500}"""), snapshot.Table);
            Assert.Equal(annAhead ? 2 : 1, snapshot.Count(rule, AsOf));
            var lifetime = SegmentCompiler.Compile(SegmentRuleJson.Parse("""{"field":"lifetime_spend","op":"gte","value":10000}"""), snapshot.Table);
            Assert.Equal(1, snapshot.Count(lifetime, AsOf));
        }
    }

    [Fact]
    public void A_refund_correction_re_sums_the_window()
    {
        var store = Store(30);
        store.ApplyPurchase(Ann, Buy(5, 4_000));
        store.ApplyPurchase(Ann, Buy(50, 6_000));

        store.ReplacePurchases(Ann, [Buy(50, 6_000), Buy(5, 4_000 - 1_500)]);

        Assert.Equal((2_500L, 8_500L), (store.Get(Ann)!.Monetary, store.Get(Ann)!.LifetimeSpend));
    }

    [Fact]
    public void A_window_of_zero_days_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new FeatureSettings(monetaryWindowDays: 0));
}

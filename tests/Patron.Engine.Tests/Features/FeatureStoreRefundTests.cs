using Patron.Engine.Features;

namespace Patron.Engine.Tests.Features;

public sealed class FeatureStoreRefundTests
{
    static readonly DateOnly AsOf = new(2026, 3, 31);
    static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-00000000000a");

    static PurchaseFact Buy(int day, long amount, string store, string category, bool counts = true) =>
        new(new DateOnly(2026, 3, 1).AddDays(day - 1), amount, "Pos", store, [KeyValuePair.Create(category, amount)], counts);

    [Fact]
    public void Replacing_purchases_forgets_a_fully_refunded_order_and_its_day_store_and_category()
    {
        var store = new FeatureStore(AsOf);
        store.ApplyPurchase(Ann, Buy(1, 3000, "东店", "水果"));
        store.ApplyPurchase(Ann, Buy(29, 8000, "西店", "酒水"));
        store.ApplyPurchase(Ann, Buy(30, 2000, "西店", "酒水"));

        // The order of the 30th is refunded in full: it no longer counts; the 29th's is partly refunded, 8000 − 5000.
        store.ReplacePurchases(Ann, [Buy(1, 3000, "东店", "水果"), Buy(29, 3000, "西店", "酒水") with { CategorySpend = [KeyValuePair.Create("酒水", 8000L)] },
            Buy(30, 0, "西店", "酒水", counts: false)]);

        var f = store.Get(Ann)!;
        Assert.Equal((2, 6000L, (double?)3000), (f.Frequency, f.Monetary, f.AverageOrderValue));
        // Last purchase back to the 29th: 2 days before the 31st; one gap of 28 days.
        Assert.Equal((new DateOnly(2026, 3, 29), (double?)2, (double?)28), (f.LastPurchase, f.RecencyDays, f.MedianGapDays));
        // One order at each store now: the tie goes to the one applied last.
        Assert.Equal(("西店", "酒水"), (f.FavouriteStore, f.TopCategory));
    }

    [Fact]
    public void Replacing_with_nothing_leaves_a_prospect_without_scores()
    {
        var store = new FeatureStore(AsOf);
        store.ApplyPurchase(Ann, Buy(20, 3000, "东店", "水果"));

        store.ReplacePurchases(Ann, [Buy(20, 0, "东店", "水果", counts: false)]);

        var f = store.Get(Ann)!;
        Assert.Equal((0, 0L, (DateOnly?)null, (int?)null), (f.Frequency, f.Monetary, f.LastPurchase, f.R));
        Assert.Equal(("prospect", (string?)null, (string?)null), (f.LifecycleState, f.FavouriteStore, f.TopCategory));
    }
}

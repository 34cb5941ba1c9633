using Patron.Engine.Features;
using Patron.Segmentation;

namespace Patron.Tests.Segmentation;

public sealed class SegmentationOptionsTests
{
    [Fact]
    public void Zero_days_means_all_time_and_the_preset_and_value_cuts_reach_the_feature_store_settings()
    {
        var allTime = new SegmentationOptions().Features();
        var windowed = new SegmentationOptions { MonetaryWindowDays = 365, LifecyclePreset = "fresh_food", ValueTierHighAbove = 90, ValueTierMediumAbove = 60 }.Features();
        var freshAllTime = new SegmentationOptions { MonetaryWindowDays = 0, LifecyclePreset = "fresh_food" }.Features();

        Assert.Equal(((int?)null, "general", 80.0, 50.0), (allTime.MonetaryWindowDays, allTime.Preset.Key, allTime.ValueTiers.HighAbove, allTime.ValueTiers.MediumAbove));
        Assert.Equal(((int?)365, "fresh_food", 90.0, 60.0), (windowed.MonetaryWindowDays, windowed.Preset.Key, windowed.ValueTiers.HighAbove, windowed.ValueTiers.MediumAbove));
        Assert.Equal(7, windowed.Preset.States.OwnGap!.DormantFloorDays);
        // 0 set by the shop overrides the preset's 90 days.
        Assert.Null(freshAllTime.MonetaryWindowDays);
    }

    /// <summary>
    /// One customer's hand-made history as of 2026-03-31: ¥10 30 days ago, ¥20 120 days ago, ¥40 200 days ago, ¥80 400
    /// days ago. Each preset's window takes the purchases strictly inside it: fresh food (90 days) only the ¥10, beauty
    /// salon (180) ¥10 + ¥20, apparel (365) ¥10 + ¥20 + ¥40, general (all time) all four.
    /// </summary>
    [Theory]
    [InlineData("general", null, 15_000)]
    [InlineData("fresh_food", 90, 1_000)]
    [InlineData("beauty_salon", 180, 3_000)]
    [InlineData("apparel", 365, 7_000)]
    public void Switching_the_preset_switches_the_monetary_window_when_the_shop_sets_none(string preset, int? window, long monetary)
    {
        var asOf = new DateOnly(2026, 3, 31);
        var store = new FeatureStore(asOf, new SegmentationOptions { LifecyclePreset = preset }.Features());
        var customer = Guid.NewGuid();
        foreach (var (daysAgo, amount) in new[] { (400, 8_000L), (200, 4_000L), (120, 2_000L), (30, 1_000L) })
            store.ApplyPurchase(customer, new PurchaseFact(asOf.AddDays(-daysAgo), amount, "Pos"));

        var f = store.Get(customer)!;

        Assert.Equal((window, monetary, 15_000L, 4), (f.MonetaryWindowDays, f.Monetary, f.LifetimeSpend, f.Frequency));
    }
}

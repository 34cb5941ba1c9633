using Patron.Segmentation;

namespace Patron.Tests.Segmentation;

public sealed class SegmentationOptionsTests
{
    [Fact]
    public void Zero_days_means_all_time_and_the_preset_and_value_cuts_reach_the_feature_store_settings()
    {
        var allTime = new SegmentationOptions().Features();
        var windowed = new SegmentationOptions { MonetaryWindowDays = 365, LifecyclePreset = "fresh_food", ValueTierHighAbove = 90, ValueTierMediumAbove = 60 }.Features();

        Assert.Equal(((int?)null, "general", 80.0, 50.0), (allTime.MonetaryWindowDays, allTime.Preset.Key, allTime.ValueTiers.HighAbove, allTime.ValueTiers.MediumAbove));
        Assert.Equal(((int?)365, "fresh_food", 90.0, 60.0), (windowed.MonetaryWindowDays, windowed.Preset.Key, windowed.ValueTiers.HighAbove, windowed.ValueTiers.MediumAbove));
        Assert.Equal(7, windowed.Preset.States.OwnGap!.DormantFloorDays);
    }
}

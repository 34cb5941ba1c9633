using Patron.Engine.Lifecycle;

namespace Patron.Engine.Tests.Lifecycle;

public sealed class LifecyclePresetTests
{
    static LifecyclePreset Preset(string key) => LifecyclePresets.Find(key) ?? throw new KeyNotFoundException(key);

    [Theory]
    [InlineData("general", 30, 90, 180)]
    [InlineData("fresh_food", 14, 14, 60)]
    [InlineData("beauty_salon", 42, 56, 120)]
    [InlineData("apparel", 90, 180, 365)]
    public void Each_preset_switches_state_on_the_day_after_its_documented_limits(string key, int newDays, int activeDays, int dormantDays)
    {
        // One purchase (too few for the own-gap rule), so the fixed days decide.
        var t = Preset(key).States;
        LifecycleState At(int days) => LifecycleStates.Of(1, days, days, double.NaN, t);
        Assert.Equal(LifecycleState.New, At(newDays));
        Assert.Equal(newDays == activeDays ? LifecycleState.Dormant : LifecycleState.Active, At(newDays + 1));
        Assert.Equal(activeDays == newDays ? LifecycleState.New : LifecycleState.Active, At(activeDays));
        Assert.Equal(LifecycleState.Dormant, At(activeDays + 1));
        Assert.Equal(LifecycleState.Dormant, At(dormantDays));
        Assert.Equal(LifecycleState.Churned, At(dormantDays + 1));
    }

    [Theory]
    [InlineData("general", 28, 56, 112)]      // 2 × and 4 × a four-week gap
    [InlineData("fresh_food", 7, 14, 28)]     // weekly shopper: 2 × and 4 ×
    [InlineData("beauty_salon", 28, 42, 84)]  // four-weekly visits: 1.5 × and 3 ×
    [InlineData("apparel", 90, 180, 270)]     // quarterly buyer: 2 × and 3 ×
    public void Each_preset_applies_its_own_gap_multiples(string key, double gap, int dormantAfter, int churnedAfter)
    {
        var t = Preset(key).States;
        LifecycleState At(int days) => LifecycleStates.Of(6, 1000, days, gap, t);
        Assert.Equal(LifecycleState.Active, At(dormantAfter));
        Assert.Equal(LifecycleState.Dormant, At(dormantAfter + 1));
        Assert.Equal(LifecycleState.Dormant, At(churnedAfter));
        Assert.Equal(LifecycleState.Churned, At(churnedAfter + 1));
    }

    [Theory]
    [InlineData("general", 3, 90, 8, 365, 90)]
    [InlineData("fresh_food", 6, 30, 24, 180, 14)]
    [InlineData("beauty_salon", 3, 60, 8, 270, 56)]
    [InlineData("apparel", 3, 180, 6, 365, 180)]
    public void Each_preset_switches_stage_at_its_documented_limits(string key, int matureN, int matureDays, int loyalN, int loyalDays, int loyalWithin)
    {
        var t = Preset(key).Stages;
        Assert.Equal(LifecycleStage.Initial, LifecycleStages.Of(matureN - 1, matureDays, 1, t));
        Assert.Equal(LifecycleStage.Initial, LifecycleStages.Of(matureN, matureDays - 1, 1, t));
        Assert.Equal(LifecycleStage.Mature, LifecycleStages.Of(matureN, matureDays, 1, t));
        Assert.Equal(LifecycleStage.Loyal, LifecycleStages.Of(loyalN, loyalDays, loyalWithin, t));
        Assert.Equal(LifecycleStage.Mature, LifecycleStages.Of(loyalN, loyalDays, loyalWithin + 1, t));
    }

    [Fact]
    public void Presets_have_distinct_keys_and_names_in_both_languages()
    {
        Assert.Equal(LifecyclePresets.All.Count, LifecyclePresets.All.Select(p => p.Key).Distinct().Count());
        Assert.All(LifecyclePresets.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Chinese) || string.IsNullOrWhiteSpace(p.English)));
        Assert.Null(LifecyclePresets.Find("bakery"));
    }
}

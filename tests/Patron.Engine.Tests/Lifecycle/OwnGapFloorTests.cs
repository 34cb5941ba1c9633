using Patron.Engine.Lifecycle;

namespace Patron.Engine.Tests.Lifecycle;

public sealed class OwnGapFloorTests
{
    static LifecycleState Of(string preset, double gap, int daysSinceLast) =>
        LifecycleStates.Of(20, 400, daysSinceLast, gap, LifecyclePresets.Find(preset)!.States);

    [Theory]
    // Every 3 days: 2 × 3 = 6 would make day 7 dormant; the floors hold it active to the floor and switch the day after.
    [InlineData("fresh_food", 7, 21)]
    [InlineData("general", 14, 45)]
    [InlineData("beauty_salon", 21, 56)]
    [InlineData("apparel", 30, 90)]
    public void A_customer_who_buys_every_three_days_is_active_up_to_the_dormant_floor_and_churned_after_the_churned_floor(
        string preset, int dormantFloor, int churnedFloor)
    {
        Assert.Equal(LifecycleState.Active, Of(preset, 3, 5));
        Assert.Equal(LifecycleState.Active, Of(preset, 3, dormantFloor));
        Assert.Equal(LifecycleState.Dormant, Of(preset, 3, dormantFloor + 1));
        Assert.Equal(LifecycleState.Dormant, Of(preset, 3, churnedFloor));
        Assert.Equal(LifecycleState.Churned, Of(preset, 3, churnedFloor + 1));
    }

    [Fact]
    public void Above_the_floor_the_multiples_decide_as_before()
    {
        // Fresh food, a 10-day gap: dormant after 20 (> 7-day floor), churned after 40 (> 21-day floor).
        Assert.Equal(LifecycleState.Active, Of("fresh_food", 10, 20));
        Assert.Equal(LifecycleState.Dormant, Of("fresh_food", 10, 21));
        Assert.Equal(LifecycleState.Dormant, Of("fresh_food", 10, 40));
        Assert.Equal(LifecycleState.Churned, Of("fresh_food", 10, 41));
    }

    [Fact]
    public void Without_floors_the_relative_rule_alone_decides()
    {
        var bare = new StateThresholds(30, 90, 180, OwnGapRule.Default);
        Assert.Equal(LifecycleState.Dormant, LifecycleStates.Of(20, 400, 7, 3, bare));
        Assert.Equal(LifecycleState.Churned, LifecycleStates.Of(20, 400, 13, 3, bare));
    }

    [Fact]
    public void Floors_out_of_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new OwnGapRule(dormantFloorDays: 30, churnedFloorDays: 10));
        Assert.Throws<ArgumentException>(() => new OwnGapRule(dormantFloorDays: -1));
    }
}

using Patron.Engine.Lifecycle;

namespace Patron.Engine.Tests.Lifecycle;

public sealed class LifecycleAsOfTests
{
    // General retail: new within 30 days, active within 90, dormant within 180; own gap 2× / 4× from 3 purchases,
    // without the preset's floors (OwnGapFloorTests covers them), so gaps of 10 days switch state at 20 and 40.
    static readonly StateThresholds General = LifecyclePresets.General.States.WithOwnGap(OwnGapRule.Default);

    [Theory]
    [InlineData(99, LifecycleState.Prospect)] // before the first purchase
    [InlineData(105, LifecycleState.New)]     // one purchase 5 days ago: fixed days
    [InlineData(125, LifecycleState.New)]     // three purchases, usual gap 10, last 5 days ago, first 25 days ago
    [InlineData(140, LifecycleState.Active)]  // last 20 days ago = 2 × gap (inclusive), first 40 days ago
    [InlineData(141, LifecycleState.Dormant)] // 21 days > 2 × 10
    [InlineData(161, LifecycleState.Churned)] // 41 days > 4 × 10
    public void The_state_on_a_day_reads_only_the_purchases_up_to_that_day(int asOf, LifecycleState expected)
    {
        int[] days = [100, 110, 120, 400];

        Assert.Equal(expected, LifecycleAsOf.State(days, asOf, General));
    }

    [Fact]
    public void Two_orders_on_one_day_count_as_two_purchases_but_one_gap_day()
    {
        // Three orders on two days: the own-gap rule applies (3 purchases), the usual gap is 10 (days, not orders),
        // so 25 days after the last purchase is past 2 × 10 and the customer is dormant, not active by the fixed days.
        Assert.Equal(LifecycleState.Dormant, LifecycleAsOf.State([100, 100, 110], 135, General));
    }
}

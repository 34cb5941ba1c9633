using Patron.Engine.Lifecycle;

namespace Patron.Engine.Tests.Lifecycle;

public sealed class OwnGapTests
{
    // Fixed fallback 30/90/180 days; own gap: dormant past 2 × the median gap, churned past 4 ×, from 3 purchases.
    static readonly StateThresholds Relative = new(30, 90, 180, OwnGapRule.Default);

    [Fact]
    public void The_usual_gap_is_the_median_of_the_gaps_between_purchase_days()
    {
        // Days 0, 10, 22, 42 in any order: gaps 10, 12, 20, median 12.
        Assert.Equal(12, PurchaseGaps.Median([42, 0, 22, 10]));
        // Days 0, 5, 20, 21: gaps 5, 15, 1 -> sorted 1, 5, 15 -> 5.
        Assert.Equal(5, PurchaseGaps.Median([0, 5, 20, 21]));
        // Days 0, 5, 15: gaps 5 and 10; an even count averages the middle two.
        Assert.Equal(7.5, PurchaseGaps.Median([0, 5, 15]));
    }

    [Fact]
    public void Several_orders_on_one_day_count_as_one_visit()
    {
        // Distinct days 0, 7, 21: gaps 7 and 14, median 10.5 (not 0 from the same-day repeats).
        Assert.Equal(10.5, PurchaseGaps.Median([0, 0, 7, 7, 7, 21]));
    }

    [Fact]
    public void Fewer_than_two_distinct_days_have_no_usual_gap()
    {
        Assert.True(double.IsNaN(PurchaseGaps.Median([])));
        Assert.True(double.IsNaN(PurchaseGaps.Median([3, 3])));
    }

    [Fact]
    public void A_regular_customer_is_dormant_past_twice_their_gap_and_churned_past_four_times()
    {
        // Four purchases, usual gap 12 days (days 0, 10, 22, 42 above): dormant after 24 days, churned after 48.
        LifecycleState At(int daysSinceLast) => LifecycleStates.Of(4, 42 + daysSinceLast, daysSinceLast, 12, Relative);
        Assert.Equal(LifecycleState.Active, At(24));
        Assert.Equal(LifecycleState.Dormant, At(25));
        Assert.Equal(LifecycleState.Dormant, At(48));
        Assert.Equal(LifecycleState.Churned, At(49));
    }

    [Fact]
    public void The_own_gap_can_be_stricter_or_more_lenient_than_the_fixed_days()
    {
        // Weekly shopper, 49 days away: fixed days say active, their own habit says churned (49 > 4 × 7 = 28).
        Assert.Equal(LifecycleState.Active, LifecycleStates.Of(10, 400, 49, 7, new StateThresholds(30, 90, 180)));
        Assert.Equal(LifecycleState.Churned, LifecycleStates.Of(10, 400, 49, 7, Relative));
        // Buys every 60 days, 100 days away: fixed days say dormant, their habit says active (100 ≤ 2 × 60).
        Assert.Equal(LifecycleState.Active, LifecycleStates.Of(5, 400, 100, 60, Relative));
    }

    [Fact]
    public void Customers_with_too_few_purchases_fall_back_to_the_fixed_days()
    {
        // Two purchases 5 days apart, 50 days away: 50 > 4 × 5, but two purchases are too few for the rule.
        Assert.Equal(LifecycleState.Active, LifecycleStates.Of(2, 400, 50, 5, Relative));
        Assert.Equal(LifecycleState.Dormant, LifecycleStates.Of(2, 400, 91, 5, Relative));
    }

    [Fact]
    public void An_unknown_or_zero_gap_falls_back_to_the_fixed_days()
    {
        Assert.Equal(LifecycleState.Active, LifecycleStates.Of(5, 400, 50, double.NaN, Relative));
        Assert.Equal(LifecycleState.Active, LifecycleStates.Of(5, 400, 50, 0, Relative));
    }

    [Fact]
    public void A_new_customer_is_still_new_while_within_their_gap()
    {
        // Three purchases in the first 20 days, gap 8: 10 days away is within 2 × 8, and the first purchase is within 30 days.
        Assert.Equal(LifecycleState.New, LifecycleStates.Of(3, 26, 10, 8, Relative));
    }

    [Fact]
    public void A_new_customer_who_breaks_their_own_habit_is_dormant_not_new()
    {
        // Three purchases in the first week (gap 3), then 10 days away: past 2 × 3, though the first purchase is 17 days old.
        Assert.Equal(LifecycleState.Dormant, LifecycleStates.Of(3, 17, 10, 3, Relative));
    }

    [Fact]
    public void Classify_needs_the_gap_column_when_the_rule_is_on()
    {
        var facts = new LifecycleFacts([100], [10], [4]);
        Assert.Throws<ArgumentException>(() => LifecycleStates.Classify(facts, Relative));
        var withGap = facts with { MedianGapDays = [4] };
        Assert.Equal([LifecycleState.Dormant], LifecycleStates.Classify(withGap, Relative));
    }
}

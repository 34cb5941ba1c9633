using Patron.Engine.Lifecycle;

namespace Patron.Engine.Tests.Lifecycle;

public sealed class LifecycleStateTests
{
    // General retail: new within 30 days, active within 90, dormant within 180.
    static readonly StateThresholds Fixed = new(30, 90, 180);

    static LifecycleState One(int purchases, int first, int last, StateThresholds? t = null, double gap = double.NaN) =>
        LifecycleStates.Of(purchases, first, last, gap, t ?? Fixed);

    [Fact]
    public void A_customer_who_never_bought_is_a_prospect()
    {
        Assert.Equal(LifecycleState.Prospect, One(0, int.MaxValue, int.MaxValue));
    }

    [Fact]
    public void A_first_purchase_exactly_N_days_ago_is_still_new_and_one_day_more_is_active()
    {
        Assert.Equal(LifecycleState.New, One(1, 30, 30));
        Assert.Equal(LifecycleState.New, One(2, 30, 2));
        Assert.Equal(LifecycleState.Active, One(1, 31, 31));
    }

    [Fact]
    public void A_last_purchase_exactly_at_the_active_limit_is_active_and_one_day_more_is_dormant()
    {
        Assert.Equal(LifecycleState.Active, One(4, 400, 90));
        Assert.Equal(LifecycleState.Dormant, One(4, 400, 91));
    }

    [Fact]
    public void A_last_purchase_exactly_at_the_dormant_limit_is_dormant_and_one_day_more_is_churned()
    {
        Assert.Equal(LifecycleState.Dormant, One(4, 400, 180));
        Assert.Equal(LifecycleState.Churned, One(4, 400, 181));
    }

    [Fact]
    public void Classify_works_column_by_column()
    {
        var facts = new LifecycleFacts([0, 10, 200, 300, 400], [0, 10, 50, 120, 400], [0, 1, 3, 5, 2]);
        Assert.Equal(
            [LifecycleState.Prospect, LifecycleState.New, LifecycleState.Active, LifecycleState.Dormant, LifecycleState.Churned],
            LifecycleStates.Classify(facts, Fixed));
    }

    [Fact]
    public void Thresholds_out_of_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new StateThresholds(60, 30, 180));
        Assert.Throws<ArgumentException>(() => new StateThresholds(30, 90, 90));
        Assert.Throws<ArgumentException>(() => new StateThresholds(-1, 90, 180));
        Assert.Throws<ArgumentException>(() => new OwnGapRule(3, 2));
        Assert.Throws<ArgumentException>(() => new OwnGapRule(0.5, 2));
        Assert.Throws<ArgumentException>(() => new OwnGapRule(2, 4, minPurchases: 1));
    }

    [Fact]
    public void Columns_of_different_lengths_are_rejected()
    {
        var facts = new LifecycleFacts([1, 2], [1], [1, 1]);
        Assert.Throws<ArgumentException>(() => LifecycleStates.Classify(facts, Fixed));
    }

    [Fact]
    public void Every_state_has_a_key_an_English_and_a_Chinese_name()
    {
        Assert.Equal(Enum.GetValues<LifecycleState>().Length, LifecycleNames.States.Count);
        Assert.Equal("沉睡客户", LifecycleNames.Of(LifecycleState.Dormant).Chinese);
        Assert.Equal("Churned", LifecycleNames.Of(LifecycleState.Churned).Name(chinese: false));
        Assert.Equal("新客户", LifecycleNames.Of(LifecycleState.New).Name(chinese: true));
        Assert.Equal(LifecycleNames.States.Count, LifecycleNames.States.Select(n => n.Key).Distinct().Count());
    }
}

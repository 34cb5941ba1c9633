using Patron.Engine.Lifecycle;

namespace Patron.Engine.Tests.Lifecycle;

public sealed class LifecycleStageTests
{
    // General retail: mature from 3 purchases over 90 days; loyal from 8 over 365 days, the last within 90.
    static readonly StageThresholds General = LifecyclePresets.General.Stages;

    static LifecycleStage One(int purchases, int first, int last) => LifecycleStages.Of(purchases, first, last, General);

    [Fact]
    public void A_customer_who_never_bought_is_potential()
    {
        Assert.Equal(LifecycleStage.Potential, One(0, int.MaxValue, int.MaxValue));
    }

    [Fact]
    public void A_single_purchase_stays_initial_however_long_ago()
    {
        Assert.Equal(LifecycleStage.Initial, One(1, 1000, 1000));
        Assert.Equal(LifecycleStage.Initial, One(2, 1000, 5));
    }

    [Fact]
    public void Mature_needs_both_the_purchases_and_the_tenure()
    {
        Assert.Equal(LifecycleStage.Mature, One(3, 90, 10));
        Assert.Equal(LifecycleStage.Initial, One(3, 89, 10));
        Assert.Equal(LifecycleStage.Initial, One(2, 500, 10));
    }

    [Fact]
    public void Loyal_needs_purchases_tenure_and_a_recent_purchase_exactly_at_the_limits()
    {
        Assert.Equal(LifecycleStage.Loyal, One(8, 365, 90));
        Assert.Equal(LifecycleStage.Mature, One(7, 365, 90));
        Assert.Equal(LifecycleStage.Mature, One(8, 364, 90));
    }

    [Fact]
    public void A_loyal_customer_who_stops_buying_falls_back_to_mature_not_initial()
    {
        Assert.Equal(LifecycleStage.Mature, One(20, 800, 91));
    }

    [Fact]
    public void Classify_works_column_by_column()
    {
        var facts = new LifecycleFacts([0, 30, 200, 400], [0, 30, 20, 10], [0, 1, 4, 12]);
        Assert.Equal(
            [LifecycleStage.Potential, LifecycleStage.Initial, LifecycleStage.Mature, LifecycleStage.Loyal],
            LifecycleStages.Classify(facts, General));
    }

    [Fact]
    public void Stage_thresholds_out_of_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new StageThresholds(3, 90, 3, 365, 90));
        Assert.Throws<ArgumentException>(() => new StageThresholds(1, 90, 8, 365, 90));
        Assert.Throws<ArgumentException>(() => new StageThresholds(3, 400, 8, 365, 90));
        Assert.Throws<ArgumentException>(() => new StageThresholds(3, 90, 8, 365, -1));
    }

    [Fact]
    public void Every_stage_has_a_key_an_English_and_a_Chinese_name()
    {
        Assert.Equal(Enum.GetValues<LifecycleStage>().Length, LifecycleNames.Stages.Count);
        Assert.Equal(["潜在期", "初始期", "成熟期", "忠诚期"], LifecycleNames.Stages.Select(n => n.Chinese));
        Assert.Equal("Loyal", LifecycleNames.Of(LifecycleStage.Loyal).English);
    }
}

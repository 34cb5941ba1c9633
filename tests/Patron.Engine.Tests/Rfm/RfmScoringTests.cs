using Patron.Engine.Rfm;

namespace Patron.Engine.Tests.Rfm;

public sealed class RfmScoringTests
{
    [Fact]
    public void Ten_distinct_values_fall_two_to_each_quintile()
    {
        long[] values = [10, 90, 30, 70, 50, 20, 100, 40, 80, 60];
        Assert.Equal([1, 5, 2, 4, 3, 1, 5, 2, 4, 3], RfmScoring.Quintiles<long>(values, lowerIsBetter: false));
    }

    [Fact]
    public void For_recency_fewer_days_score_higher()
    {
        int[] days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], RfmScoring.Quintiles<int>(days, lowerIsBetter: true));
    }

    [Fact]
    public void Equal_values_get_equal_scores_set_by_the_customers_strictly_below()
    {
        // Ten customers: four bought once, three twice, two three times, one five times.
        int[] frequency = [1, 1, 1, 1, 2, 2, 2, 3, 3, 5];
        // Once: 0 below -> 1. Twice: 4 below -> 1 + 5*4/10 = 3. Three times: 7 below -> 4. Five: 9 below -> 5.
        Assert.Equal([1, 1, 1, 1, 3, 3, 3, 4, 4, 5], RfmScoring.Quintiles<int>(frequency, lowerIsBetter: false));
    }

    [Fact]
    public void Ties_in_recency_are_scored_by_the_customers_strictly_less_recent()
    {
        int[] days = [5, 5, 5, 9, 9, 30, 30, 30, 30, 60];
        // 5 days: 7 less recent -> 1 + 35/10 = 4; 9 days: 5 -> 3; 30 days: 1 -> 1; 60 days: 0 -> 1.
        Assert.Equal([4, 4, 4, 3, 3, 1, 1, 1, 1, 1], RfmScoring.Quintiles<int>(days, lowerIsBetter: true));
    }

    [Fact]
    public void When_every_value_is_the_same_everyone_scores_1()
    {
        Assert.All(RfmScoring.Quintiles<long>(new long[7], lowerIsBetter: false), s => Assert.Equal(1, s));
        Assert.All(RfmScoring.Quintiles<int>(new int[7], lowerIsBetter: true), s => Assert.Equal(1, s));
    }

    [Fact]
    public void Quintile_scores_do_not_depend_on_input_order()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 1000).Select(_ => (long)random.Next(0, 40)).ToArray();
        var scores = RfmScoring.Quintiles<long>(values, lowerIsBetter: false);
        for (var round = 0; round < 10; round++)
        {
            var p = Enumerable.Range(0, values.Length).OrderBy(_ => random.Next()).ToArray();
            var shuffled = RfmScoring.Quintiles<long>(p.Select(i => values[i]).ToArray(), lowerIsBetter: false);
            for (var k = 0; k < p.Length; k++) Assert.Equal(scores[p[k]], shuffled[k]);
        }
        // And the rule itself: equal values, equal scores.
        Assert.All(values.Zip(scores).GroupBy(x => x.First), g => Assert.Single(g.Select(x => x.Second).Distinct()));
    }

    [Fact]
    public void No_purchase_ranks_as_the_least_recent_and_negative_spend_as_the_lowest()
    {
        int[] days = [RfmValues.NoPurchase, 400, 3, 40, 90];
        Assert.Equal([1, 2, 5, 4, 3], RfmScoring.Quintiles<int>(days, lowerIsBetter: true));
        long[] spend = [-500, 0, 100, 2000, 300];
        Assert.Equal([1, 2, 3, 5, 4], RfmScoring.Quintiles<long>(spend, lowerIsBetter: false));
    }

    [Fact]
    public void No_customers_give_no_scores() => Assert.Empty(RfmScoring.Quintiles<long>([], lowerIsBetter: false));

    [Fact]
    public void Fixed_frequency_thresholds_are_reached_inclusively()
    {
        int[] orders = [0, 1, 2, 3, 4, 5, 7, 8, 100];
        var scale = RfmScale.Thresholds(2, 3, 5, 8);
        Assert.Equal([1, 1, 2, 3, 3, 4, 4, 5, 5], RfmScoring.Score<int>(orders, scale, lowerIsBetter: false));
    }

    [Fact]
    public void Fixed_recency_thresholds_count_a_bound_as_still_recent()
    {
        int[] days = [0, 30, 31, 60, 61, 120, 240, 241, RfmValues.NoPurchase];
        var scale = RfmScale.Thresholds(30, 60, 120, 240);
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 1, 1], RfmScoring.Score<int>(days, scale, lowerIsBetter: true));
    }

    [Fact]
    public void Fixed_monetary_thresholds_work_on_minor_units()
    {
        long[] cents = [-100, 0, 9_999, 10_000, 50_000, 200_000, 1_000_000];
        var scale = RfmScale.Thresholds(10_000, 50_000, 200_000, 1_000_000);
        Assert.Equal([1, 1, 1, 2, 3, 4, 5], RfmScoring.Score<long>(cents, scale, lowerIsBetter: false));
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 3 })]
    [InlineData(new long[] { 1, 2, 2, 3 })]
    [InlineData(new long[] { 4, 3, 2, 1 })]
    public void Thresholds_must_be_four_and_strictly_ascending(long[] bounds) =>
        Assert.Throws<ArgumentException>(() => RfmScale.Thresholds(bounds));
}

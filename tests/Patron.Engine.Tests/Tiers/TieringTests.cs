using Patron.Engine.Tiers;

namespace Patron.Engine.Tests.Tiers;

public sealed class TieringTests
{
    const Tier L = Tier.Low, M = Tier.Medium, H = Tier.High;

    [Fact]
    public void Nine_distinct_values_fall_three_to_each_tertile()
    {
        long[] spend = [900, 100, 500, 300, 700, 200, 800, 400, 600];
        Assert.Equal([H, L, M, L, H, L, H, M, M], Tiering.Tertiles<long>(spend));
    }

    [Fact]
    public void Equal_values_share_the_tier_set_by_the_customers_strictly_below()
    {
        // Ten customers: five bought once, three twice, two four times.
        int[] orders = [1, 1, 1, 1, 1, 2, 2, 2, 4, 4];
        // Once: 0 below -> low. Twice: 5 below -> ⌊15/10⌋ = medium. Four times: 8 below -> ⌊24/10⌋ = high.
        Assert.Equal([L, L, L, L, L, M, M, M, H, H], Tiering.Tertiles<int>(orders));
    }

    [Fact]
    public void A_tie_covering_most_customers_leaves_a_tier_empty_rather_than_splitting_the_tie()
    {
        // Seven of nine bought once: none of them beats anyone, so all are low; the two above beat 7 -> ⌊21/9⌋ = high.
        int[] orders = [1, 1, 1, 1, 1, 1, 1, 3, 5];
        Assert.Equal([L, L, L, L, L, L, L, H, H], Tiering.Tertiles<int>(orders));
    }

    [Fact]
    public void Input_order_does_not_change_anyone_s_tier()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 200).Select(_ => (long)random.Next(0, 12)).ToArray();
        var tiers = Tiering.Tertiles<long>(values);
        var order = Enumerable.Range(0, values.Length).OrderBy(_ => random.Next()).ToArray();
        var shuffledTiers = Tiering.Tertiles<long>(order.Select(i => values[i]).ToArray());
        for (var k = 0; k < order.Length; k++) Assert.Equal(tiers[order[k]], shuffledTiers[k]);
        for (var i = 0; i < values.Length; i++)
            for (var j = 0; j < values.Length; j++)
                if (values[i] == values[j]) Assert.Equal(tiers[i], tiers[j]);
    }

    [Fact]
    public void Everyone_equal_is_low_and_no_customers_give_no_tiers()
    {
        Assert.Equal([L, L, L], Tiering.Tertiles<int>([4, 4, 4]));
        Assert.Empty(Tiering.Tertiles<int>([]));
    }

    [Fact]
    public void Fixed_bounds_are_inclusive_on_the_higher_tier()
    {
        var scale = TierScale<int>.Thresholds(2, 5);
        Assert.Equal([L, M, M, H, H], Tiering.Assign<int>([1, 2, 4, 5, 9], scale));
    }

    [Fact]
    public void Fixed_bounds_work_on_fractional_values_such_as_predicted_value()
    {
        Assert.Equal([L, M, H], Tiering.Assign<double>([99.99, 100.0, 250.5], TierScale<double>.Thresholds(100, 250)));
    }

    [Fact]
    public void The_tertile_scale_ranks_relative_to_the_others()
    {
        Assert.Equal([L, M, H], Tiering.Assign<long>([10, 20, 30], TierScale<long>.Tertiles));
    }

    [Fact]
    public void Bounds_out_of_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TierScale<int>.Thresholds(5, 5));
        Assert.Throws<ArgumentException>(() => TierScale<int>.Thresholds(5, 2));
    }

    [Fact]
    public void Every_tier_of_every_kind_has_its_own_words_in_both_languages()
    {
        Assert.Equal("大额客户", TierNames.Of(TierKind.Spend, H).Chinese);
        Assert.Equal("Small spenders", TierNames.Of(TierKind.Spend, L).English);
        Assert.Equal("高频客户", TierNames.Of(TierKind.Frequency, H).Name(chinese: true));
        Assert.Equal("中价值客户", TierNames.Of(TierKind.Value, M).Chinese);
        var keys = Enum.GetValues<TierKind>().SelectMany(k => TierNames.All(k)).Select(n => n.Key).ToList();
        Assert.Equal(9, keys.Distinct().Count());
    }
}

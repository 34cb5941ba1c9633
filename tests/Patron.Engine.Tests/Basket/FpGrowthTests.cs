using Patron.Engine.Basket;

namespace Patron.Engine.Tests.Basket;

public sealed class FpGrowthTests
{
    public static TheoryData<int, double, int?> Cases => new()
    {
        { 1, 0.05, null }, { 2, 0.1, null }, { 3, 0.2, null }, { 4, 0.3, null }, { 5, 0.02, null },
        { 6, 0.1, 2 }, { 7, 0.05, 3 }, { 8, 0.5, null }, { 9, 1.0, null }, { 10, 0.01, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Frequent_itemsets_equal_exhaustive_enumeration_with_equal_counts(int seed, double minSupport, int? maxLength)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var baskets = BruteForce.RandomBaskets(random, random.Next(1, 80), random.Next(1, 13));
            var expected = BruteForce.FrequentItemsets(baskets, minSupport, maxLength ?? int.MaxValue);
            var mined = FpGrowth.Mine(baskets, minSupport, maxLength);
            Assert.Equal(Canonical(expected), Canonical(mined.Itemsets.Select(s => (s.Items, s.Count))));
            Assert.All(mined.Itemsets, s => Assert.True(s.Items.SequenceEqual(s.Items.Order().Distinct())));
        }
    }

    [Fact]
    public void The_minimum_count_is_the_smallest_count_that_meets_the_support()
    {
        Assert.Equal(60, FpGrowth.MinCount(0.006, 9835));   // 59.01 baskets round up
        Assert.Equal(10, FpGrowth.MinCount(0.001, 9835));
        Assert.Equal(7, FpGrowth.MinCount(0.07, 100));      // 0.07 * 100 is 7.000000000000001 in doubles, yet 7 / 100 >= 0.07
        Assert.Equal(1, FpGrowth.MinCount(1e-9, 10));
        Assert.Equal(10, FpGrowth.MinCount(1.0, 10));
    }

    [Fact]
    public void Empty_baskets_count_in_the_denominator_and_nothing_else()
    {
        var mined = FpGrowth.Mine(BasketSet.From([[0, 1], [], [], [0]]), 0.5);
        Assert.Equal(4, mined.BasketCount);
        Assert.Equal(["0:2"], mined.Itemsets.Select(s => $"{string.Join(",", s.Items)}:{s.Count}"));
    }

    [Fact]
    public void No_baskets_give_no_itemsets()
    {
        Assert.Empty(FpGrowth.Mine(BasketSet.From([]), 0.1).Itemsets);
    }

    [Fact]
    public void Out_of_range_parameters_are_rejected()
    {
        var baskets = BasketSet.From([[0]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => FpGrowth.Mine(baskets, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FpGrowth.Mine(baskets, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => FpGrowth.Mine(baskets, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => FpGrowth.Mine(baskets, 0.5, 0));
        Assert.Throws<ArgumentException>(() => new BasketSet([0, 1], [5], 3));
    }

    static List<string> Canonical(IEnumerable<(int[] Items, int Count)> sets) =>
        sets.Select(s => $"{string.Join(",", s.Items)}:{s.Count}").Order(StringComparer.Ordinal).ToList();
}

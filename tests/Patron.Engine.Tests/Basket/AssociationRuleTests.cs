using Patron.Engine.Basket;

namespace Patron.Engine.Tests.Basket;

public sealed class AssociationRuleTests
{
    const int Bread = 0, Milk = 1, Diaper = 2, Beer = 3, Eggs = 4, Cola = 5;

    /// <summary>The five baskets of Tan, Steinbach &amp; Kumar, Introduction to Data Mining, Table 6.1.</summary>
    static readonly BasketSet Shop = BasketSet.From(
    [
        [Bread, Milk],
        [Bread, Diaper, Beer, Eggs],
        [Milk, Diaper, Beer, Cola],
        [Bread, Milk, Diaper, Beer],
        [Bread, Milk, Diaper, Cola],
    ]);

    [Fact]
    public void Metrics_of_milk_and_diaper_to_beer_match_the_hand_computation()
    {
        var rule = Find(Rules(0.4, 0.5, 1), [Milk, Diaper], [Beer]);
        // {milk, diaper, beer} is in baskets 3 and 4; {milk, diaper} in 3, 4 and 5; beer in 2, 3 and 4.
        Assert.Equal((2, 3, 3, 5), (rule.Count, rule.AntecedentCount, rule.ConsequentCount, rule.BasketCount));
        Assert.Equal(0.4, rule.Support, 12);                    // 2/5
        Assert.Equal(2.0 / 3, rule.Confidence, 12);             // 2/3
        Assert.Equal(10.0 / 9, rule.Lift, 12);                  // (2/3) / (3/5)
        Assert.Equal(0.04, rule.Leverage, 12);                  // 2/5 − (3/5)(3/5)
        Assert.Equal(1.2, rule.Conviction, 12);                 // (1 − 3/5) / (1 − 2/3)
    }

    [Fact]
    public void A_rule_that_always_holds_has_infinite_conviction()
    {
        var rule = Find(Rules(0.4, 0.5, 1), [Beer], [Diaper]);
        Assert.Equal(1.0, rule.Confidence);
        Assert.Equal(1.25, rule.Lift, 12);                      // 1 / (4/5)
        Assert.Equal(0.12, rule.Leverage, 12);                  // 3/5 − (3/5)(4/5)
        Assert.Equal(double.PositiveInfinity, rule.Conviction);
    }

    [Fact]
    public void Longer_consequents_appear_only_when_asked_for()
    {
        Assert.All(Rules(0.4, 0.0, 1), r => Assert.Single(r.Consequent));
        var rule = Find(Rules(0.4, 0.0, 2), [Beer], [Milk, Diaper]);
        Assert.Equal(2.0 / 3, rule.Confidence, 12);
    }

    [Fact]
    public void Confidence_and_lift_thresholds_are_inclusive()
    {
        Assert.Contains(Rules(0.4, 2.0 / 3, 1), r => r.Antecedent.SequenceEqual([Milk, Diaper]));
        var liftOnly = AssociationRules.Generate(FpGrowth.Mine(Shop, 0.4), 0.0, minLift: 1.25);
        Assert.All(liftOnly, r => Assert.True(r.Lift >= 1.25));
        Assert.Contains(liftOnly, r => r.Antecedent.SequenceEqual([Beer]) && r.Consequent.SequenceEqual([Diaper]));
    }

    [Theory]
    [InlineData(11, 0.05, 0.3, 1)]
    [InlineData(12, 0.1, 0.0, 2)]
    [InlineData(13, 0.08, 0.6, 3)]
    public void Rules_equal_those_from_the_definitions_in_the_same_order(int seed, double minSupport, double minConfidence, int maxConsequent)
    {
        var random = new Random(seed);
        for (var round = 0; round < 10; round++)
        {
            var baskets = BruteForce.RandomBaskets(random, random.Next(20, 80), random.Next(3, 11));
            var expected = BruteForce.Rules(baskets, minSupport, minConfidence, maxConsequent);
            expected.Sort(AssociationRules.Order);
            var actual = AssociationRules.Generate(FpGrowth.Mine(baskets, minSupport), minConfidence, maxConsequentLength: maxConsequent);
            Assert.Equal(expected, actual, (a, b) => a.Antecedent.SequenceEqual(b.Antecedent) && a.Consequent.SequenceEqual(b.Consequent) && a with { Antecedent = b.Antecedent, Consequent = b.Consequent } == b);
        }
    }

    [Fact]
    public void Rules_come_strongest_first()
    {
        var rules = Rules(0.2, 0.0, 2);
        for (var k = 1; k < rules.Count; k++)
        {
            Assert.True(rules[k - 1].Lift >= rules[k].Lift);
            Assert.True(AssociationRules.Order(rules[k - 1], rules[k]) < 0);
        }
    }

    static List<AssociationRule> Rules(double minSupport, double minConfidence, int maxConsequent) =>
        AssociationRules.Generate(FpGrowth.Mine(Shop, minSupport), minConfidence, maxConsequentLength: maxConsequent);

    static AssociationRule Find(List<AssociationRule> rules, int[] antecedent, int[] consequent) =>
        Assert.Single(rules, r => r.Antecedent.SequenceEqual(antecedent) && r.Consequent.SequenceEqual(consequent));
}

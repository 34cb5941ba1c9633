using Patron.Engine.Basket;

namespace Patron.Engine.Tests.Basket;

/// <summary>
/// Published figures on the arules Groceries data. Brett Lantz, Machine Learning with R (ch. 8), runs
/// apriori(groceries, parameter = list(support = 0.006, confidence = 0.25, minlen = 2)) and reports 463 rules
/// (150 of two items, 297 of three, 16 of four), whole milk in 2,513 of 9,835 baskets, and the top rules by lift
/// quoted below. Every figure here was recomputed independently before it was asserted, with groceries_golden.py
/// beside this file (a plain Apriori in the Python standard library):
///   python3 groceries_golden.py ../shared/data/groceries/groceries.csv 0.006 0.25
/// which prints 9835 baskets, 169 items, whole milk 2513, 747 frequent itemsets, 463 rules by length
/// [(2, 150), (3, 297), (4, 16)] and the rules with the supports, confidences and lifts used here.
/// </summary>
public sealed class GroceriesGoldenTests
{
    [Fact]
    public void Whole_milk_is_in_a_quarter_of_the_baskets()
    {
        var data = Groceries.Get();
        var mined = FpGrowth.Mine(data.Baskets, 0.006);
        Assert.Equal(9835, mined.BasketCount);
        Assert.Equal(169, data.Labels.Length);
        Assert.Equal(2513, mined.CountOf(data.Ids("whole milk")));
        Assert.Equal(0.2555, mined.SupportOf(data.Ids("whole milk")), 4);
    }

    [Fact]
    public void Support_0_006_and_confidence_0_25_give_Lantz_s_463_rules()
    {
        var data = Groceries.Get();
        var mined = FpGrowth.Mine(data.Baskets, 0.006);
        var rules = AssociationRules.Generate(mined, 0.25);
        Assert.Equal(747, mined.Itemsets.Count);
        Assert.Equal(463, rules.Count);
        Assert.Equal([(2, 150), (3, 297), (4, 16)],
            rules.GroupBy(r => r.Antecedent.Length + 1).Select(g => (g.Key, g.Count())).Order().ToArray());
    }

    /// <summary>
    /// The widely reproduced arules example apriori(Groceries, parameter = list(supp = 0.001, conf = 0.8)) gives 410
    /// rules, {liquor, red/blush wine} ⇒ {bottled beer} first by lift (11.235); the script, run with 0.001 0.8, prints
    /// 13492 frequent itemsets, 410 rules by length [(3, 29), (4, 229), (5, 140), (6, 12)] and that rule first.
    /// </summary>
    [Fact]
    public void Support_0_001_and_confidence_0_8_give_the_410_rules_of_the_arules_example()
    {
        var data = Groceries.Get();
        var mined = FpGrowth.Mine(data.Baskets, 0.001);
        var rules = AssociationRules.Generate(mined, 0.8);
        Assert.Equal(13492, mined.Itemsets.Count);
        Assert.Equal(410, rules.Count);
        Assert.Equal([(3, 29), (4, 229), (5, 140), (6, 12)],
            rules.GroupBy(r => r.Antecedent.Length + 1).Select(g => (g.Key, g.Count())).Order().ToArray());
        Assert.Equal(data.Ids("liquor", "red/blush wine"), rules[0].Antecedent);
        Assert.Equal(data.Ids("bottled beer"), rules[0].Consequent);
        Assert.Equal(11.235269, rules[0].Lift, 1e-6);
    }

    [Theory]
    // antecedent | consequent, support, confidence, lift as printed by arules' inspect() in Lantz ch. 8 (and by the script)
    [InlineData("herbs", "root vegetables", 0.007015760, 0.4312500, 3.956477)]
    [InlineData("berries", "whipped/sour cream", 0.009049314, 0.2721713, 3.796886)]
    [InlineData("other vegetables|tropical fruit|whole milk", "root vegetables", 0.007015760, 0.4107143, 3.768074)]
    [InlineData("beef|other vegetables", "root vegetables", 0.007930859, 0.4020619, 3.688692)]
    [InlineData("other vegetables|tropical fruit", "pip fruit", 0.009456024, 0.2634561, 3.482649)]
    public void Named_rules_from_Lantz_have_the_published_metrics(string antecedent, string consequent, double support, double confidence, double lift)
    {
        var data = Groceries.Get();
        var rules = AssociationRules.Generate(FpGrowth.Mine(data.Baskets, 0.006), 0.25);
        var rule = Assert.Single(rules, r => r.Antecedent.SequenceEqual(data.Ids(antecedent.Split('|'))) && r.Consequent.SequenceEqual(data.Ids(consequent)));
        Assert.Equal(support, rule.Support, 1e-9);
        Assert.Equal(confidence, rule.Confidence, 1e-7);
        Assert.Equal(lift, rule.Lift, 1e-6);
    }

    [Fact]
    public void Herbs_to_root_vegetables_is_the_strongest_rule()
    {
        var data = Groceries.Get();
        var top = AssociationRules.Generate(FpGrowth.Mine(data.Baskets, 0.006), 0.25)[0];
        Assert.Equal(data.Ids("herbs"), top.Antecedent);
        Assert.Equal(data.Ids("root vegetables"), top.Consequent);
        Assert.Equal(69, top.Count);
    }
}

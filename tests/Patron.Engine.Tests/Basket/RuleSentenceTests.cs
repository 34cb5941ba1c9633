using Patron.Engine.Basket;

namespace Patron.Engine.Tests.Basket;

public sealed class RuleSentenceTests
{
    static readonly string[] Zh = ["牛奶", "面包", "黄油"];
    static readonly string[] En = ["milk", "bread", "butter"];

    [Fact]
    public void A_rule_reads_as_a_sentence_in_Chinese()
    {
        var rule = AssociationRule.From([0], [1], count: 38, antecedentCount: 100, consequentCount: 119, basketCount: 1000);
        Assert.Equal("买了 牛奶 的顾客 38% 也买 面包，是平均的 3.2 倍", RuleSentence.Describe(rule, i => Zh[i], SentenceLanguage.Zh));
    }

    [Fact]
    public void A_rule_with_two_items_reads_as_a_sentence_in_English()
    {
        var rule = AssociationRule.From([0, 1], [2], count: 5, antecedentCount: 80, consequentCount: 40, basketCount: 1000);
        Assert.Equal("6.3% of customers who bought milk and bread also bought butter, 1.6 times the average",
            RuleSentence.Describe(rule, i => En[i], SentenceLanguage.En));
        Assert.StartsWith("买了 牛奶、面包 的顾客 6.3%", RuleSentence.Describe(rule, i => Zh[i], SentenceLanguage.Zh));
    }
}

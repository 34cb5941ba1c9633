using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Segments;

public sealed class SegmentRuleJsonTests
{
    const string Example = """{"all":[{"field":"recency_days","op":"lte","value":30},{"field":"monetary","op":"between","value":[10000,50000]},{"field":"city","op":"in","value":["上海","杭州"]},{"any":[{"field":"birthday","op":"anniversary_within_next_days","value":7},{"field":"signed_up","op":"in_this_month"}]},{"not":{"field":"tags","op":"has","value":"黑名单"}}]}""";

    [Fact]
    public void Writing_a_parsed_rule_gives_back_the_same_text() =>
        Assert.Equal(Example, SegmentRuleJson.Write(SegmentRuleJson.Parse(Example)));

    [Fact]
    public void A_rule_built_in_code_round_trips_through_JSON()
    {
        SegmentRule rule = new AllOf([
            Condition.Of("frequency", RuleOps.Gte, 2),
            Condition.Between("monetary", 0.5, 99.25),
            Condition.Of("city", RuleOps.NotIn, "北京", "天津"),
            new NotRule(new AnyOf([Condition.Of("tags", RuleOps.IsEmpty), Condition.Of("tags", RuleOps.Has, "vip")])),
        ]);
        var json = SegmentRuleJson.Write(rule);
        Assert.Equal(json, SegmentRuleJson.Write(SegmentRuleJson.Parse(json)));
        Assert.Equal(json, SegmentRuleJson.Write(SegmentRuleJson.Parse(SegmentRuleJson.Write(rule, indented: true))));
        Assert.Contains("\"北京\"", json);
        Assert.Contains("""{"field":"frequency","op":"gte","value":2}""", json);
    }

    [Fact]
    public void Parsing_builds_the_tree_the_text_describes()
    {
        var all = Assert.IsType<AllOf>(SegmentRuleJson.Parse(Example));
        Assert.Equal(5, all.Rules.Count);
        var first = Assert.IsType<Condition>(all.Rules[0]);
        Assert.Equal(("recency_days", "lte", "30"), (first.Field, first.Op, first.Value!.ToJsonString()));
        var not = Assert.IsType<NotRule>(all.Rules[4]);
        Assert.Equal("has", Assert.IsType<Condition>(not.Rule).Op);
    }

    [Theory]
    [InlineData("[1]", "$")]
    [InlineData("{\"all\":[{\"field\":\"a\",\"op\":\"eq\",\"value\":1,\"extra\":2}]}", "$.all[0].extra")]
    [InlineData("{\"all\":[{}]}", "$.all[0]")]
    [InlineData("{\"any\":{\"field\":\"a\",\"op\":\"eq\"}}", "$.any")]
    [InlineData("{\"not\":{\"field\":\"a\",\"op\":3}}", "$.not.op")]
    [InlineData("{\"all\":[],\"any\":[]}", "$")]
    [InlineData("{\"all\":[", "$")]
    public void Badly_shaped_JSON_is_rejected_with_the_path_of_the_problem(string json, string path) =>
        Assert.Equal(path, Assert.Throws<SegmentRuleFormatException>(() => SegmentRuleJson.Parse(json)).Path);
}

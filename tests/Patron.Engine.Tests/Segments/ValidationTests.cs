using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Segments;

public sealed class ValidationTests
{
    static IReadOnlyList<RuleError> Errors(string json, int maxDepth = SegmentValidator.DefaultMaxDepth) =>
        SegmentValidator.Validate(SegmentRuleJson.Parse(json), SegmentTestTable.Build(), maxDepth);

    static RuleError Single(string json) => Assert.Single(Errors(json));

    [Fact]
    public void A_word_for_a_number_names_the_field_as_the_marketer_knows_it()
    {
        var e = Single("""{"all":[{"field":"frequency","op":"gte","value":2},{"field":"monetary","op":"gte","value":"abc"}]}""");
        Assert.Equal("$.all[1].value: \"abc\" is not a number for 消费金额 (monetary)", e.ToString());
        Assert.Equal("not_a_number", e.Code);
        Assert.Equal("\"abc\" 不是 消费金额 (monetary) 的有效数字", e.MessageZh);
    }

    [Fact]
    public void An_unknown_field_is_reported_at_the_field() =>
        Assert.Equal("$.any[0].field: there is no field \"spend\"", Single("""{"any":[{"field":"spend","op":"gte","value":1}]}""").ToString());

    [Fact]
    public void An_operator_the_field_cannot_take_lists_the_ones_it_can()
    {
        var e = Single("""{"field":"monetary","op":"has","value":"vip"}""");
        Assert.Equal("operator_not_allowed", e.Code);
        Assert.Equal("$.op: \"has\" cannot be used on 消费金额 (monetary), which is a number; use one of eq, ne, lt, lte, gt, gte, between, is_empty, is_not_empty", e.ToString());
    }

    [Fact]
    public void An_unknown_operator_is_reported_as_such() =>
        Assert.Equal("unknown_operator", Single("""{"field":"city","op":"contains","value":["上"]}""").Code);

    [Fact]
    public void An_empty_group_is_reported_at_the_group()
    {
        var e = Single("""{"all":[{"field":"monetary","op":"gt","value":1},{"any":[]}]}""");
        Assert.Equal(("$.all[1].any", "empty_group"), (e.Path, e.Code));
    }

    [Fact]
    public void Between_with_the_low_end_above_the_high_end_is_an_empty_range() =>
        Assert.Equal("$.value: the range 500 to 100 for 消费金额 (monetary) is empty: the low end is above the high end",
            Single("""{"field":"monetary","op":"between","value":[500,100]}""").ToString());

    [Theory]
    [InlineData("""{"field":"monetary","op":"between","value":[1]}""", "not_a_range")]
    [InlineData("""{"field":"monetary","op":"between","value":[1,"x"]}""", "not_a_range")]
    [InlineData("""{"field":"monetary","op":"gte"}""", "not_a_number")]
    [InlineData("""{"field":"monetary","op":"is_empty","value":3}""", "unexpected_value")]
    [InlineData("""{"field":"city","op":"in","value":"上海"}""", "not_a_list")]
    [InlineData("""{"field":"city","op":"in","value":[]}""", "not_a_list")]
    [InlineData("""{"field":"tags","op":"has","value":["vip"]}""", "not_a_tag")]
    [InlineData("""{"field":"last_purchase","op":"within_last_days","value":-3}""", "negative_days")]
    [InlineData("""{"field":"last_purchase","op":"within_last_days","value":2.5}""", "not_a_day_count")]
    [InlineData("""{"field":"last_purchase","op":"more_than_days_ago","value":"30"}""", "not_a_day_count")]
    public void Values_of_the_wrong_shape_are_reported_at_the_value(string json, string code)
    {
        var e = Single(json);
        Assert.Equal(("$.value", code), (e.Path, e.Code));
        Assert.False(string.IsNullOrWhiteSpace(e.MessageZh));
    }

    [Fact]
    public void Negative_day_counts_say_so_in_both_languages()
    {
        var e = Single("""{"not":{"field":"last_purchase","op":"within_last_days","value":-3}}""");
        Assert.Equal("$.not.value: -3 days is negative for 最近购买 (last_purchase); use 0 or more", e.ToString());
        Assert.Equal("最近购买 (last_purchase) 的天数 -3 为负数，请填写 0 或更大的数", e.MessageZh);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_reported_once_at_the_first_node_too_deep()
    {
        var leaf = """{"field":"monetary","op":"gt","value":1}""";
        var json = """{"not":{"not":{"all":[""" + leaf + "]}}}";
        Assert.Empty(Errors(json, maxDepth: 4));
        var e = Assert.Single(Errors(json, maxDepth: 3));
        Assert.Equal(("$.not.not.all[0]", "too_deep"), (e.Path, e.Code));
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var errors = Errors("""{"all":[{"field":"x","op":"eq","value":1},{"field":"monetary","op":"lt","value":"a"},{"any":[]}]}""");
        Assert.Equal(["$.all[0].field", "$.all[1].value", "$.all[2].any"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Compiling_an_invalid_rule_throws_with_all_its_errors()
    {
        var rule = SegmentRuleJson.Parse("""{"any":[]}""");
        var ex = Assert.Throws<SegmentValidationException>(() => SegmentCompiler.Compile(rule, SegmentTestTable.Build()));
        Assert.Equal("empty_group", Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void A_category_value_nobody_has_is_allowed_and_matches_nobody() =>
        Assert.Empty(Errors("""{"field":"city","op":"in","value":["拉萨"]}"""));
}

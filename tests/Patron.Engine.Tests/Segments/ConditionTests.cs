using static Patron.Engine.Tests.Segments.SegmentTestTable;

namespace Patron.Engine.Tests.Segments;

public sealed class ConditionTests
{
    [Theory]
    [InlineData("eq", "250", new[] { 1, 5 })]
    [InlineData("ne", "250", new[] { 0, 3, 4 })]
    [InlineData("lt", "250", new[] { 0, 3 })]
    [InlineData("lte", "250", new[] { 0, 1, 3, 5 })]
    [InlineData("gt", "250", new[] { 4 })]
    [InlineData("gte", "250", new[] { 1, 4, 5 })]
    [InlineData("between", "[100, 250]", new[] { 0, 1, 5 })]
    [InlineData("between", "[250, 250]", new[] { 1, 5 })]
    [InlineData("gte", "0", new[] { 0, 1, 3, 4, 5 })]
    [InlineData("lt", "0.5", new[] { 3 })]
    public void Numeric_comparisons_select_the_expected_customers_and_never_a_missing_value(string op, string value, int[] expected) =>
        Assert.Equal(expected, Match(Rule("monetary", op, value)));

    [Theory]
    [InlineData("in", """["上海"]""", new[] { 0, 4 })]
    [InlineData("in", """["上海", "北京"]""", new[] { 0, 3, 4 })]
    [InlineData("in", """["广州"]""", new int[0])]
    [InlineData("not_in", """["上海"]""", new[] { 1, 3, 5 })]
    [InlineData("not_in", """["广州"]""", new[] { 0, 1, 3, 4, 5 })]
    public void Category_in_and_not_in_compare_with_the_listed_values(string op, string value, int[] expected) =>
        Assert.Equal(expected, Match(Rule("city", op, value)));

    [Theory]
    [InlineData("has", "\"vip\"", new[] { 0, 3 })]
    [InlineData("has", "\"黑名单\"", new[] { 3, 4 })]
    [InlineData("has", "\"unknown\"", new int[0])]
    [InlineData("has_not", "\"黑名单\"", new[] { 0, 1, 2, 5 })]
    public void Tag_has_and_has_not_treat_no_tags_as_an_empty_set(string op, string value, int[] expected) =>
        Assert.Equal(expected, Match(Rule("tags", op, value)));

    [Theory]
    [InlineData("monetary", "is_empty", new[] { 2 })]
    [InlineData("monetary", "is_not_empty", new[] { 0, 1, 3, 4, 5 })]
    [InlineData("city", "is_empty", new[] { 2 })]
    [InlineData("city", "is_not_empty", new[] { 0, 1, 3, 4, 5 })]
    [InlineData("tags", "is_empty", new[] { 1, 2, 5 })]
    [InlineData("tags", "is_not_empty", new[] { 0, 3, 4 })]
    [InlineData("birthday", "is_empty", new[] { 2 })]
    [InlineData("birthday", "is_not_empty", new[] { 0, 1, 3, 4, 5 })]
    public void Is_empty_and_is_not_empty_split_every_kind_of_column(string field, string op, int[] expected) =>
        Assert.Equal(expected, Match(Rule(field, op)));

    [Fact]
    public void Count_and_bitset_agree_with_the_list_of_matches()
    {
        var segment = Patron.Engine.Segments.SegmentCompiler.Compile(
            Patron.Engine.Segments.SegmentRuleJson.Parse(Rule("monetary", "gte", "250")), Build());
        var bits = segment.Evaluate(AsOf);
        Assert.Equal(3, segment.CountMatches(AsOf));
        Assert.Equal([false, true, false, false, true, true], Enumerable.Range(0, 6).Select(i => bits[i]));
    }
}

using static Patron.Engine.Tests.Segments.SegmentTestTable;

namespace Patron.Engine.Tests.Segments;

public sealed class GroupTests
{
    static readonly string Spent250 = Rule("monetary", "gte", "250");
    static readonly string InShanghai = Rule("city", "in", """["上海"]""");

    [Fact]
    public void All_requires_every_condition() =>
        Assert.Equal([4], Match($$"""{"all":[{{Spent250}},{{InShanghai}}]}"""));

    [Fact]
    public void Any_requires_at_least_one_condition() =>
        Assert.Equal([0, 1, 4, 5], Match($$"""{"any":[{{Spent250}},{{InShanghai}}]}"""));

    [Fact]
    public void Not_includes_customers_whose_value_is_missing() =>
        Assert.Equal([0, 2, 3], Match($$"""{"not":{{Spent250}}}"""));

    [Fact]
    public void A_condition_and_its_not_partition_all_customers_even_with_missing_values()
    {
        foreach (var rule in new[] { Spent250, Rule("monetary", "ne", "250"), Rule("city", "not_in", """["上海"]"""), Rule("birthday", "within_last_days", "10") })
        {
            var yes = Match(rule);
            var no = Match($$"""{"not":{{rule}}}""");
            Assert.Empty(yes.Intersect(no));
            Assert.Equal(6, yes.Length + no.Length);
        }
    }

    [Fact]
    public void Ne_and_not_in_are_false_on_a_missing_value_but_not_eq_and_not_in_are_true()
    {
        Assert.DoesNotContain(2, Match(Rule("monetary", "ne", "250")));
        Assert.Contains(2, Match($$"""{"not":{{Rule("monetary", "eq", "250")}}}"""));
        Assert.DoesNotContain(2, Match(Rule("city", "not_in", """["上海"]""")));
        Assert.Contains(2, Match($$"""{"not":{{InShanghai}}}"""));
    }

    [Fact]
    public void Nested_groups_combine_as_written()
    {
        // (spent ≥ 250 or lives in 上海) and not blacklisted
        var rule = """{"all":[{"any":[""" + Spent250 + "," + InShanghai + """]},{"not":""" + Rule("tags", "has", "\"黑名单\"") + "}]}";
        Assert.Equal([0, 1, 5], Match(rule));
    }

    [Fact]
    public void Double_negation_gives_back_the_condition() =>
        Assert.Equal(Match(Spent250), Match("""{"not":{"not":""" + Spent250 + "}}"));

    [Fact]
    public void A_group_of_one_is_that_condition() =>
        Assert.Equal(Match(InShanghai), Match($$"""{"any":[{{InShanghai}}]}"""));
}

using Patron.Engine.Segments;
using static Patron.Engine.Tests.Segments.SegmentTestTable;

namespace Patron.Engine.Tests.Segments;

public sealed class RelativeDateTests
{
    [Theory]
    [InlineData("within_last_days", 30, new[] { 0, 1, 4 })]
    [InlineData("within_last_days", 0, new[] { 4 })]
    [InlineData("more_than_days_ago", 30, new[] { 3, 5 })]
    [InlineData("more_than_days_ago", 0, new[] { 0, 1, 3, 5 })]
    public void Day_windows_include_their_boundary_day_and_never_a_missing_date(string op, int days, int[] expected) =>
        Assert.Equal(expected, Match(Rule("last_purchase", op, days.ToString())));

    [Fact]
    public void A_purchase_dated_after_the_as_of_day_is_not_within_the_last_days() =>
        Assert.Empty(Match(Dates(new DateOnly(2025, 6, 16)), Rule("d", "within_last_days", "30"), new DateOnly(2025, 6, 15)));

    [Fact]
    public void In_this_month_covers_the_first_to_the_last_day_of_the_as_of_month_and_year()
    {
        var table = Dates(new(2025, 6, 1), new(2025, 6, 30), new(2025, 5, 31), new(2025, 7, 1), new(2024, 6, 15));
        Assert.Equal([0, 1], Match(table, Rule("d", "in_this_month"), new DateOnly(2025, 6, 15)));
        Assert.Equal([0], Match(Dates(new(2024, 2, 29), new(2024, 3, 1)), Rule("d", "in_this_month"), new DateOnly(2024, 2, 10)));
    }

    [Theory]
    [InlineData("1985-12-31", "2025-12-28", 3, true)]
    [InlineData("1985-12-31", "2025-12-28", 2, false)]
    [InlineData("1990-01-02", "2025-12-28", 5, true)] // across the new year
    [InlineData("1990-01-02", "2025-12-28", 4, false)]
    [InlineData("1990-06-15", "2025-06-15", 0, true)] // today
    [InlineData("1990-06-14", "2025-06-15", 364, true)] // yesterday: the next is next year's, 364 days on
    [InlineData("1990-06-14", "2025-06-15", 363, false)]
    [InlineData("2000-02-29", "2025-02-28", 0, true)] // kept on 28 February in a common year
    [InlineData("2000-02-29", "2025-02-27", 1, true)]
    [InlineData("2000-02-29", "2025-02-27", 0, false)]
    [InlineData("2000-02-29", "2025-03-01", 363, false)] // next is 2026-02-28, 364 days on
    [InlineData("2000-02-29", "2025-03-01", 364, true)]
    [InlineData("2000-02-29", "2024-02-28", 0, false)] // a leap year has the real day
    [InlineData("2000-02-29", "2024-02-28", 1, true)]
    [InlineData("2000-02-29", "2023-12-31", 60, true)] // 2024-02-29 is 31 + 29 days after new year's eve
    [InlineData("2000-02-29", "2023-12-31", 59, false)]
    [InlineData("2001-03-01", "2025-02-28", 0, false)]
    [InlineData("2001-03-01", "2025-02-28", 1, true)]
    public void Anniversary_within_next_days_wraps_the_year_and_keeps_29_February(string birthday, string asOf, int days, bool expected)
    {
        var table = Dates(DateOnly.Parse(birthday));
        var matches = Match(table, Rule("d", "anniversary_within_next_days", days.ToString()), DateOnly.Parse(asOf));
        Assert.Equal(expected, matches.Length == 1);
    }

    [Fact]
    public void A_date_before_1970_is_an_ordinary_day_number()
    {
        var table = Dates(new DateOnly(1969, 12, 31), new DateOnly(1900, 1, 1));
        Assert.Equal([0, 1], Match(table, Rule("d", "more_than_days_ago", "10000"), new DateOnly(2025, 1, 1)));
        Assert.Equal(-1, DateColumn.ToDay(new DateOnly(1969, 12, 31)));
    }

    static FeatureTable Dates(params DateOnly?[] dates) => new FeatureTable(dates.Length).Add(DateColumn.From("d", dates));
}

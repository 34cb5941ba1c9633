using System.Globalization;
using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Segments;

/// <summary>
/// Seeded random tables and rules. Values are drawn from small ranges so that ties, exact boundaries, missing
/// values, 29 February and year ends come up often.
/// </summary>
sealed class RandomSegments(int seed)
{
    static readonly string[] Cities = ["上海", "杭州", "北京", "广州", "成都"];
    static readonly string[] TagNames = ["vip", "黑名单", "新客", "wechat"];
    readonly Random random = new(seed);

    public FeatureTable Table(int count, DateOnly around)
    {
        double Number() => random.Next(8) == 0 ? double.NaN : random.Next(-2, 10) * 0.5;
        DateOnly? Date() => random.Next(8) == 0 ? null : around.AddDays(random.Next(-800, 40));
        return new FeatureTable(count)
            .Add(new NumericColumn("monetary", [.. Enumerable.Range(0, count).Select(_ => Number())]))
            .Add(new NumericColumn("frequency", [.. Enumerable.Range(0, count).Select(_ => Number())]))
            .Add(CategoryColumn.From("city", [.. Enumerable.Range(0, count).Select(_ => random.Next(7) == 0 ? null : Cities[random.Next(Cities.Length)])]))
            .Add(TagColumn.From("tags", [.. Enumerable.Range(0, count).Select(_ => (IReadOnlyList<string>)TagNames.Where(_ => random.Next(3) == 0).ToArray())]))
            .Add(DateColumn.From("last_purchase", [.. Enumerable.Range(0, count).Select(_ => Date())]))
            .Add(DateColumn.From("birthday", [.. Enumerable.Range(0, count).Select(_ => random.Next(10) == 0 ? new DateOnly(1996, 2, 29) : Date())]));
    }

    public string Rule(int depth) => random.Next(depth <= 0 ? 1 : 3) switch
    {
        0 => Leaf(),
        1 => $$"""{"{{(random.Next(2) == 0 ? "all" : "any")}}":[{{string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Rule(depth - 1)))}}]}""",
        _ => $$"""{"not":{{Rule(depth - 1)}}}""",
    };

    string Leaf()
    {
        string Num() => (random.Next(-2, 10) * 0.5).ToString(CultureInfo.InvariantCulture);
        string Quoted(string s) => $"\"{s}\"";
        (string Field, string Op, string? Value) leaf = random.Next(6) switch
        {
            0 or 1 => (random.Next(2) == 0 ? "monetary" : "frequency", Pick("eq", "ne", "lt", "lte", "gt", "gte", "between", "is_empty", "is_not_empty"), null),
            2 => ("city", Pick("in", "not_in", "is_empty", "is_not_empty"), null),
            3 => ("tags", Pick("has", "has_not", "is_empty", "is_not_empty"), null),
            _ => (random.Next(2) == 0 ? "last_purchase" : "birthday", Pick("within_last_days", "more_than_days_ago", "anniversary_within_next_days", "in_this_month", "is_empty", "is_not_empty"), null),
        };
        var value = leaf.Op switch
        {
            "is_empty" or "is_not_empty" or "in_this_month" => null,
            "between" => SortedPair($"[{Num()},{Num()}]"),
            "in" or "not_in" => "[" + string.Join(",", Cities.Append("拉萨").Where(_ => random.Next(3) == 0).DefaultIfEmpty("上海").Select(Quoted)) + "]",
            "has" or "has_not" => Quoted(TagNames[random.Next(TagNames.Length)]),
            "within_last_days" or "more_than_days_ago" or "anniversary_within_next_days" => random.Next(0, 400).ToString(CultureInfo.InvariantCulture),
            _ => Num(),
        };
        return SegmentTestTable.Rule(leaf.Field, leaf.Op, value);
    }

    static string SortedPair(string pair)
    {
        var parts = pair.Trim('[', ']').Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"[{parts[0]},{parts[1]}]");
    }

    string Pick(params string[] options) => options[random.Next(options.Length)];
}

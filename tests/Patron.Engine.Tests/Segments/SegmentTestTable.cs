using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Segments;

/// <summary>Six hand-made customers; customer 2 has every value missing (no spend, city, tags or dates).</summary>
static class SegmentTestTable
{
    public static readonly DateOnly AsOf = new(2025, 6, 15);

    public static FeatureTable Build() => new FeatureTable(6)
        .Add(new NumericColumn("monetary", [100, 250, double.NaN, 0, 5000, 250], "消费金额"))
        .Add(new NumericColumn("frequency", [1, 3, double.NaN, 0, 12, 2]))
        .Add(CategoryColumn.From("city", ["上海", "杭州", null, "北京", "上海", "杭州"], "城市"))
        .Add(TagColumn.From("tags", [["vip"], [], null, ["vip", "黑名单"], ["黑名单"], []], "标签"))
        .Add(DateColumn.From("last_purchase", [Day(-1), Day(-30), null, Day(-31), Day(0), Day(-400)], "最近购买"))
        .Add(DateColumn.From("birthday", [new(1990, 6, 20), new(1985, 12, 31), null, new(2000, 2, 29), new(1970, 1, 2), new(1999, 6, 1)], "生日"));

    static DateOnly Day(int offset) => AsOf.AddDays(offset);

    public static int[] Match(string json, DateOnly? asOf = null) => Match(Build(), json, asOf);

    public static int[] Match(FeatureTable table, string json, DateOnly? asOf = null) =>
        SegmentCompiler.Compile(SegmentRuleJson.Parse(json), table).Matches(asOf ?? AsOf);

    public static string Rule(string field, string op, string? value = null) =>
        value is null ? $$"""{"field":"{{field}}","op":"{{op}}"}""" : $$"""{"field":"{{field}}","op":"{{op}}","value":{{value}}}""";
}

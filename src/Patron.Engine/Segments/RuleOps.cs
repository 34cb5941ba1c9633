namespace Patron.Engine.Segments;

/// <summary>
/// Operator names as they appear in rule JSON, and which column kinds accept each.
/// <list type="bullet">
/// <item>Numeric: eq, ne, lt, lte, gt, gte (value: a number), between (value: [low, high], both inclusive).</item>
/// <item>Category: in, not_in (value: an array of strings).</item>
/// <item>Tags: has, has_not (value: one tag).</item>
/// <item>Date, relative to the as-of day given at evaluation: within_last_days N (from N days before the as-of
/// day up to it, both included), more_than_days_ago N (strictly before as-of − N), anniversary_within_next_days N
/// (the next birthday/anniversary falls on as-of … as-of + N), in_this_month (same calendar month and year as the
/// as-of day; no value).</item>
/// <item>Every kind: is_empty, is_not_empty (no value). For tags, empty means no tag at all.</item>
/// </list>
/// </summary>
public static class RuleOps
{
    public const string Eq = "eq", Ne = "ne", Lt = "lt", Lte = "lte", Gt = "gt", Gte = "gte", Between = "between";
    public const string In = "in", NotIn = "not_in", Has = "has", HasNot = "has_not";
    public const string WithinLastDays = "within_last_days", MoreThanDaysAgo = "more_than_days_ago";
    public const string AnniversaryWithinNextDays = "anniversary_within_next_days", InThisMonth = "in_this_month";
    public const string IsEmpty = "is_empty", IsNotEmpty = "is_not_empty";

    static readonly Dictionary<FeatureKind, string[]> ByKind = new()
    {
        [FeatureKind.Numeric] = [Eq, Ne, Lt, Lte, Gt, Gte, Between, IsEmpty, IsNotEmpty],
        [FeatureKind.Category] = [In, NotIn, IsEmpty, IsNotEmpty],
        [FeatureKind.Tags] = [Has, HasNot, IsEmpty, IsNotEmpty],
        [FeatureKind.Date] = [WithinLastDays, MoreThanDaysAgo, AnniversaryWithinNextDays, InThisMonth, IsEmpty, IsNotEmpty],
    };

    public static IReadOnlyList<string> For(FeatureKind kind) => ByKind[kind];

    public static bool IsKnown(string op) => ByKind.Values.Any(ops => ops.Contains(op));

    public static bool Allows(FeatureKind kind, string op) => ByKind[kind].Contains(op);
}

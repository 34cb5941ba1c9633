using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Segments;

/// <summary>
/// The reference: walks the tree once per customer and reads each value directly, with dates as DateOnly. It
/// shares no code with the compiler's scans, so agreement checks the bitset path, not a copy of it.
/// </summary>
static class NaiveInterpreter
{
    public static bool Matches(SegmentRule rule, FeatureTable table, int row, DateOnly asOf) => rule switch
    {
        AllOf all => all.Rules.All(r => Matches(r, table, row, asOf)),
        AnyOf any => any.Rules.Any(r => Matches(r, table, row, asOf)),
        NotRule not => !Matches(not.Rule, table, row, asOf),
        Condition c => Leaf(c, table.Columns[c.Field], row, asOf),
        _ => throw new ArgumentException("unknown node"),
    };

    static bool Leaf(Condition c, FeatureColumn column, int row, DateOnly asOf)
    {
        switch (column)
        {
            case NumericColumn n:
                var x = n.Values[row];
                if (c.Op == "is_empty") return double.IsNaN(x);
                if (double.IsNaN(x)) return false;
                if (c.Op == "is_not_empty") return true;
                if (c.Op == "between") return x >= c.Value![0]!.GetValue<double>() && x <= c.Value![1]!.GetValue<double>();
                var v = c.Value!.GetValue<double>();
                return c.Op switch { "eq" => x == v, "ne" => x != v, "lt" => x < v, "lte" => x <= v, "gt" => x > v, _ => x >= v };
            case CategoryColumn k:
                var code = k.Codes[row];
                if (c.Op == "is_empty" || c.Op == "is_not_empty") return (code < 0) == (c.Op == "is_empty");
                if (code < 0) return false;
                var listed = c.Value!.AsArray().Any(s => s!.GetValue<string>() == k.Dictionary[code]);
                return c.Op == "in" ? listed : !listed;
            case TagColumn t:
                var any = t.Tags.Any(tag => t.Has(row, tag));
                return c.Op switch
                {
                    "is_empty" => !any,
                    "is_not_empty" => any,
                    "has" => t.Has(row, c.Value!.GetValue<string>()),
                    _ => !t.Has(row, c.Value!.GetValue<string>()),
                };
            case DateColumn d:
                var day = d.Days[row];
                if (c.Op == "is_empty" || c.Op == "is_not_empty") return (day == DateColumn.Missing) == (c.Op == "is_empty");
                if (day == DateColumn.Missing) return false;
                var date = DateColumn.ToDate(day);
                if (c.Op == "in_this_month") return date.Year == asOf.Year && date.Month == asOf.Month;
                var days = c.Value!.GetValue<int>();
                return c.Op switch
                {
                    "within_last_days" => date <= asOf && date >= asOf.AddDays(-days),
                    "more_than_days_ago" => date < asOf.AddDays(-days),
                    _ => NextAnniversary(date, asOf).DayNumber - asOf.DayNumber <= days,
                };
        }
        throw new ArgumentException("unknown column");
    }

    // Walks forward day by day: slow and obviously right, including 29 February on 28 February in common years.
    static DateOnly NextAnniversary(DateOnly date, DateOnly asOf)
    {
        for (var d = asOf; ; d = d.AddDays(1))
        {
            var leapDay = date is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(d.Year);
            if (d.Month == date.Month && d.Day == (leapDay ? 28 : date.Day)) return d;
        }
    }
}

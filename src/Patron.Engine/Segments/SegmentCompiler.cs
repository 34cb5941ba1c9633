using System.Text.Json.Nodes;

namespace Patron.Engine.Segments;

/// <summary>
/// Compiles a validated rule tree into a <see cref="CompiledSegment"/>: each condition becomes one column scan
/// into a bitset, each group a word-wise AND/OR of its children's bitsets, NOT a word-wise complement. Work per
/// evaluation is one pass per condition, never a walk of the tree per customer.
/// <para>
/// Missing values are two-valued: a condition on a customer whose value is missing is false (monetary ≥ 100,
/// monetary ≠ 100, city not_in [上海] are all false for a customer with no monetary or no city), and NOT is the
/// plain complement, so NOT(monetary ≥ 100) is true for them. Only is_empty matches a missing value. This keeps
/// NOT(x) and x a partition of all customers, which is what a marketer expects of "everyone else"; to exclude
/// missing values under a NOT, add is_not_empty beside it.
/// </para>
/// </summary>
public static class SegmentCompiler
{
    /// <exception cref="SegmentValidationException">The rule has errors; all of them are listed.</exception>
    public static CompiledSegment Compile(SegmentRule rule, FeatureTable table, int maxDepth = SegmentValidator.DefaultMaxDepth)
    {
        var errors = SegmentValidator.Validate(rule, table, maxDepth);
        if (errors.Count > 0) throw new SegmentValidationException(errors);
        return new CompiledSegment(table.Count, Node(rule, table));
    }

    static Func<DateOnly, Bitset> Node(SegmentRule rule, FeatureTable table) => rule switch
    {
        AllOf all => Combine([.. all.Rules.Select(r => Node(r, table))], and: true),
        AnyOf any => Combine([.. any.Rules.Select(r => Node(r, table))], and: false),
        NotRule not => Negate(Node(not.Rule, table)),
        Condition c => Leaf(c, table.Columns[c.Field]),
        _ => throw new ArgumentException($"Unknown rule node {rule.GetType().Name}.", nameof(rule)),
    };

    static Func<DateOnly, Bitset> Combine(Func<DateOnly, Bitset>[] children, bool and) => asOf =>
    {
        var result = children[0](asOf);
        for (var i = 1; i < children.Length; i++)
        {
            var next = children[i](asOf);
            if (and) result.AndWith(next);
            else result.OrWith(next);
        }
        return result;
    };

    static Func<DateOnly, Bitset> Negate(Func<DateOnly, Bitset> child) => asOf =>
    {
        var result = child(asOf);
        result.Invert();
        return result;
    };

    static Func<DateOnly, Bitset> Leaf(Condition c, FeatureColumn column)
    {
        if (c.Op == RuleOps.IsEmpty) return _ => column.Empty();
        if (c.Op == RuleOps.IsNotEmpty) return Negate(_ => column.Empty());
        return column switch
        {
            NumericColumn n => NumericLeaf(c, n),
            CategoryColumn k => CategoryLeaf(c, k),
            TagColumn t => TagLeaf(Text(c.Value), c.Op == RuleOps.HasNot, t),
            DateColumn d => DateLeaf(c, d),
            _ => throw new ArgumentException($"Unknown column type {column.GetType().Name}.", nameof(column)),
        };
    }

    // Tags are never missing (no tag is an empty set), so has_not is the plain complement of has.
    static Func<DateOnly, Bitset> TagLeaf(string tag, bool negate, TagColumn column) =>
        negate ? Negate(_ => column.Having(tag)) : _ => column.Having(tag);

    static Func<DateOnly, Bitset> NumericLeaf(Condition c, NumericColumn column)
    {
        if (c.Op == RuleOps.Between)
        {
            var pair = (JsonArray)c.Value!;
            var (low, high) = (Number(pair[0]), Number(pair[1]));
            return _ => Range(column, low, high);
        }
        var v = Number(c.Value);
        // Strict bounds become inclusive ones on the neighbouring double, so every comparison is one range scan.
        return c.Op switch
        {
            RuleOps.Eq => _ => Range(column, v, v),
            RuleOps.Lt => _ => Range(column, double.NegativeInfinity, Math.BitDecrement(v)),
            RuleOps.Lte => _ => Range(column, double.NegativeInfinity, v),
            RuleOps.Gt => _ => Range(column, Math.BitIncrement(v), double.PositiveInfinity),
            RuleOps.Gte => _ => Range(column, v, double.PositiveInfinity),
            // ≠ is "has a value and it is not v": missing values stay false, as for every other comparison.
            _ => _ =>
            {
                var equal = Range(column, v, v);
                equal.OrWith(column.Empty());
                equal.Invert();
                return equal;
            },
        };
    }

    static Bitset Range(NumericColumn column, double low, double high) =>
        ColumnScan.Run(column.Length, new ColumnScan.DoubleRange(column.Values, low, high));

    static Func<DateOnly, Bitset> CategoryLeaf(Condition c, CategoryColumn column)
    {
        var wanted = ((JsonArray)c.Value!).Select(Text).ToHashSet(StringComparer.Ordinal);
        var negate = c.Op == RuleOps.NotIn;
        var accept = Array.ConvertAll(column.Dictionary, d => wanted.Contains(d) != negate);
        return _ => ColumnScan.Run(column.Length, new ColumnScan.CodeIn(column.Codes, accept));
    }

    static Func<DateOnly, Bitset> DateLeaf(Condition c, DateColumn column)
    {
        if (c.Op == RuleOps.InThisMonth)
            return asOf =>
            {
                var first = new DateOnly(asOf.Year, asOf.Month, 1);
                return DayRange(column, DateColumn.ToDay(first), DateColumn.ToDay(first.AddMonths(1)) - 1);
            };
        var days = (long)Number(c.Value);
        return c.Op switch
        {
            RuleOps.WithinLastDays => asOf => DayRange(column, DateColumn.ToDay(asOf) - days, DateColumn.ToDay(asOf)),
            RuleOps.MoreThanDaysAgo => asOf => DayRange(column, long.MinValue, DateColumn.ToDay(asOf) - days - 1),
            _ => asOf => ColumnScan.Run(column.Length,
                new ColumnScan.MonthDayIn(column.MonthDays, Birthdays.WithinNext((int)Math.Min(days, 366), asOf))),
        };
    }

    /// <summary>Day numbers in [low, high], clamped so the missing marker can never fall inside.</summary>
    static Bitset DayRange(DateColumn column, long low, long high)
    {
        low = Math.Max(low, DateColumn.Missing + 1L);
        high = Math.Min(high, int.MaxValue);
        return low > high ? new Bitset(column.Length)
            : ColumnScan.Run(column.Length, new ColumnScan.IntRange(column.Days, (int)low, (int)high));
    }

    static double Number(JsonNode? node) =>
        ConditionErrors.IsNumber(node, out var value) ? value : throw new InvalidOperationException("Validated rules hold numbers here.");

    static string Text(JsonNode? node) => node!.GetValue<string>();
}

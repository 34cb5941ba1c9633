using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patron.Engine.Segments;

/// <summary>
/// Checks a rule tree against a table's columns and reports every problem with its path, in English and zh-CN.
/// A rule that validates compiles and evaluates without further errors. Category values and tags not present in
/// the data are allowed (a city may simply have no customers yet); they match nobody.
/// </summary>
public static class SegmentValidator
{
    /// <summary>Deep enough for any hand-built rule; the limit guards the evaluator and the UI against runaway trees.</summary>
    public const int DefaultMaxDepth = 8;

    public static IReadOnlyList<RuleError> Validate(SegmentRule rule, FeatureTable table, int maxDepth = DefaultMaxDepth)
    {
        var errors = new List<RuleError>();
        Visit(rule, "$", 1, table, maxDepth, errors);
        return errors;
    }

    static void Visit(SegmentRule rule, string path, int depth, FeatureTable table, int maxDepth, List<RuleError> errors)
    {
        if (depth > maxDepth)
        {
            errors.Add(new(path, "too_deep", $"rules are nested more than {maxDepth} levels deep; flatten some groups",
                $"规则嵌套超过 {maxDepth} 层，请合并部分分组"));
            return;
        }
        switch (rule)
        {
            case AllOf all: Group(all.Rules, $"{path}.all", depth, table, maxDepth, errors); break;
            case AnyOf any: Group(any.Rules, $"{path}.any", depth, table, maxDepth, errors); break;
            case NotRule not: Visit(not.Rule, $"{path}.not", depth + 1, table, maxDepth, errors); break;
            case Condition c: ConditionErrors.Check(c, path, table, errors); break;
        }
    }

    static void Group(IReadOnlyList<SegmentRule> rules, string path, int depth, FeatureTable table, int maxDepth, List<RuleError> errors)
    {
        if (rules.Count == 0)
            errors.Add(new(path, "empty_group", "the group has no conditions; add one or remove the group", "该分组没有条件，请添加条件或删除该分组"));
        for (var i = 0; i < rules.Count; i++) Visit(rules[i], $"{path}[{i}]", depth + 1, table, maxDepth, errors);
    }
}

/// <summary>The checks on one condition: field, operator for the field's kind, then the value the operator needs.</summary>
static class ConditionErrors
{
    public static void Check(Condition c, string path, FeatureTable table, List<RuleError> errors)
    {
        if (!table.TryGet(c.Field, out var column))
        {
            errors.Add(new($"{path}.field", "unknown_field", $"there is no field \"{c.Field}\"", $"没有名为“{c.Field}”的字段"));
            return;
        }
        var name = column.DisplayName;
        var allowed = string.Join(", ", RuleOps.For(column.Kind));
        if (!RuleOps.IsKnown(c.Op))
        {
            errors.Add(new($"{path}.op", "unknown_operator", $"\"{c.Op}\" is not an operator; {name} accepts {allowed}",
                $"“{c.Op}”不是有效的运算符；{name} 可用：{allowed}"));
            return;
        }
        if (!RuleOps.Allows(column.Kind, c.Op))
        {
            errors.Add(new($"{path}.op", "operator_not_allowed", $"\"{c.Op}\" cannot be used on {name}, which is {KindEn(column.Kind)}; use one of {allowed}",
                $"“{c.Op}”不能用于{KindZh(column.Kind)}字段 {name}；可用：{allowed}"));
            return;
        }
        if (Value(c, column, name) is { } problem)
            errors.Add(new($"{path}.value", problem.Code, problem.En, problem.Zh));
    }

    static (string Code, string En, string Zh)? Value(Condition c, FeatureColumn column, string name)
    {
        var v = c.Value;
        var shown = SegmentRuleJson.Show(v);
        switch (c.Op)
        {
            case RuleOps.IsEmpty or RuleOps.IsNotEmpty or RuleOps.InThisMonth:
                return v is null ? null : ("unexpected_value", $"\"{c.Op}\" takes no value", $"“{c.Op}”不需要值");
            case RuleOps.Between:
                if (v is not JsonArray { Count: 2 } pair || !IsNumber(pair[0], out var low) || !IsNumber(pair[1], out var high))
                    return ("not_a_range", $"{shown} is not a range of two numbers [low, high] for {name}", $"{shown} 不是 {name} 的数值区间 [下限, 上限]");
                return low <= high ? null
                    : ("empty_range", $"the range {low} to {high} for {name} is empty: the low end is above the high end",
                        $"{name} 的区间 {low} 至 {high} 为空：下限大于上限");
            case RuleOps.In or RuleOps.NotIn:
                return v is JsonArray { Count: > 0 } list && list.All(IsString) ? null
                    : ("not_a_list", $"{shown} is not a list of values for {name}, e.g. [\"{Example(column)}\"]",
                        $"{shown} 不是 {name} 的取值列表，例如 [\"{Example(column)}\"]");
            case RuleOps.Has or RuleOps.HasNot:
                return IsString(v) ? null : ("not_a_tag", $"{shown} is not a tag name for {name}", $"{shown} 不是 {name} 的标签名");
            case RuleOps.WithinLastDays or RuleOps.MoreThanDaysAgo or RuleOps.AnniversaryWithinNextDays:
                if (v is null || !IsNumber(v, out var days) || days != Math.Floor(days) || days > int.MaxValue)
                    return ("not_a_day_count", $"{shown} is not a whole number of days for {name}", $"{shown} 不是 {name} 的整数天数");
                return days >= 0 ? null : ("negative_days", $"{shown} days is negative for {name}; use 0 or more", $"{name} 的天数 {shown} 为负数，请填写 0 或更大的数");
            default:
                return v is not null && IsNumber(v, out _) ? null
                    : ("not_a_number", $"{shown} is not a number for {name}", $"{shown} 不是 {name} 的有效数字");
        }
    }

    /// <summary>Reads a JSON number whatever CLR type backs it (parsed text, or an int/long/double built in code).</summary>
    internal static bool IsNumber(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    static string Example(FeatureColumn column) => column is CategoryColumn { Dictionary.Length: > 0 } c ? c.Dictionary[0] : "…";

    static string KindEn(FeatureKind kind) => kind switch
    {
        FeatureKind.Numeric => "a number",
        FeatureKind.Category => "a choice from a list",
        FeatureKind.Tags => "a set of tags",
        _ => "a date",
    };

    static string KindZh(FeatureKind kind) => kind switch
    {
        FeatureKind.Numeric => "数值",
        FeatureKind.Category => "类别",
        FeatureKind.Tags => "标签",
        _ => "日期",
    };
}

using System.Text.Json.Nodes;

namespace Patron.Engine.Segments;

/// <summary>
/// A node of a segment rule tree: an <see cref="AllOf"/>/<see cref="AnyOf"/> group, a <see cref="NotRule"/>,
/// or a <see cref="Condition"/> on one column. The tree is stored as JSON (<see cref="SegmentRuleJson"/>),
/// checked by <see cref="SegmentValidator"/> and compiled by <see cref="SegmentCompiler"/>.
/// </summary>
public abstract record SegmentRule;

/// <summary>Every rule holds (AND).</summary>
public sealed record AllOf(IReadOnlyList<SegmentRule> Rules) : SegmentRule;

/// <summary>At least one rule holds (OR).</summary>
public sealed record AnyOf(IReadOnlyList<SegmentRule> Rules) : SegmentRule;

/// <summary>The rule does not hold. Plain complement: see <see cref="SegmentCompiler"/> for missing values.</summary>
public sealed record NotRule(SegmentRule Rule) : SegmentRule;

/// <summary>
/// <paramref name="Field"/> <paramref name="Op"/> <paramref name="Value"/>, e.g. monetary gte 10000. The value
/// stays raw JSON until validation, so a wrong type ("abc" for a number) gets a message rather than a parse
/// failure, and the operator stays a string so an unknown one is reported with its path. Operators are listed
/// in <see cref="RuleOps"/>.
/// </summary>
public sealed record Condition(string Field, string Op, JsonNode? Value = null) : SegmentRule
{
    public static Condition Of(string field, string op, JsonNode? value = null) => new(field, op, value);

    public static Condition Of(string field, string op, params string[] values) =>
        new(field, op, new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]));

    public static Condition Between(string field, double low, double high) => new(field, RuleOps.Between, new JsonArray(low, high));
}

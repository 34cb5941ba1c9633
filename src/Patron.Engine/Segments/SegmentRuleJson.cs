using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Patron.Engine.Segments;

/// <summary>
/// The stored form of a rule tree. Each node is one JSON object:
/// <code>
/// {"all": [rule, …]}                       every rule holds (AND)
/// {"any": [rule, …]}                       at least one holds (OR)
/// {"not": rule}                            the rule does not hold
/// {"field": "monetary", "op": "gte", "value": 10000}
/// </code>
/// For example, "spent at least ¥100 in the last 30 days, lives in 上海 or 杭州, and is not blacklisted":
/// <code>
/// {"all": [
///   {"field": "recency_days", "op": "lte", "value": 30},
///   {"field": "monetary", "op": "gte", "value": 10000},
///   {"field": "city", "op": "in", "value": ["上海", "杭州"]},
///   {"not": {"field": "tags", "op": "has", "value": "黑名单"}}
/// ]}
/// </code>
/// Keys are written in that order and Chinese text unescaped, so stored rules diff well. Parsing checks only the
/// shape; fields, operators and values are checked against a table by <see cref="SegmentValidator"/>.
/// </summary>
public static class SegmentRuleJson
{
    static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static string Write(SegmentRule rule, bool indented = false) => ToNode(rule).ToJsonString(indented ? Indented : Options);

    /// <summary>Shows a raw JSON value in a message the way the user typed it.</summary>
    internal static string Show(JsonNode? value) => value?.ToJsonString(Options) ?? "null";

    public static JsonObject ToNode(SegmentRule rule) => rule switch
    {
        AllOf all => new JsonObject { ["all"] = new JsonArray([.. all.Rules.Select(r => (JsonNode)ToNode(r))]) },
        AnyOf any => new JsonObject { ["any"] = new JsonArray([.. any.Rules.Select(r => (JsonNode)ToNode(r))]) },
        NotRule not => new JsonObject { ["not"] = ToNode(not.Rule) },
        Condition c => WriteCondition(c),
        _ => throw new ArgumentException($"Unknown rule node {rule.GetType().Name}.", nameof(rule)),
    };

    static JsonObject WriteCondition(Condition c)
    {
        var o = new JsonObject { ["field"] = c.Field, ["op"] = c.Op };
        if (c.Value is not null) o["value"] = c.Value.DeepClone();
        return o;
    }

    /// <exception cref="SegmentRuleFormatException">The text is not JSON or not shaped like a rule.</exception>
    public static SegmentRule Parse(string json)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException e) { throw new SegmentRuleFormatException("$", $"not valid JSON: {e.Message}"); }
        return Parse(node, "$");
    }

    public static SegmentRule Parse(JsonNode? node, string path)
    {
        if (node is not JsonObject o) throw new SegmentRuleFormatException(path, "a rule must be a JSON object");
        string[] shapes = ["all", "any", "not", "field"];
        var present = shapes.Where(o.ContainsKey).ToArray();
        if (present.Length != 1)
            throw new SegmentRuleFormatException(path, "a rule must have exactly one of \"all\", \"any\", \"not\" or \"field\"");
        var allowed = present[0] == "field" ? new[] { "field", "op", "value" } : [present[0]];
        if (o.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } extra)
            throw new SegmentRuleFormatException($"{path}.{extra}", "unexpected key");
        return present[0] switch
        {
            "all" => new AllOf(ParseList(o["all"], $"{path}.all")),
            "any" => new AnyOf(ParseList(o["any"], $"{path}.any")),
            "not" => new NotRule(Parse(o["not"], $"{path}.not")),
            _ => new Condition(Text(o["field"], $"{path}.field"), Text(o["op"], $"{path}.op"), o["value"]?.DeepClone()),
        };
    }

    static SegmentRule[] ParseList(JsonNode? node, string path) => node is JsonArray a
        ? [.. a.Select((n, i) => Parse(n, $"{path}[{i}]"))]
        : throw new SegmentRuleFormatException(path, "a group must be a JSON array of rules");

    static string Text(JsonNode? node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw new SegmentRuleFormatException(path, "must be a string");
}

/// <summary>Rule JSON of the wrong shape; <see cref="Path"/> points at the offending node, e.g. <c>$.all[2].op</c>.</summary>
public sealed class SegmentRuleFormatException(string path, string reason) : FormatException($"{path}: {reason}")
{
    public string Path { get; } = path;
}

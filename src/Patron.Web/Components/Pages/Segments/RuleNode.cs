using System.Globalization;
using System.Text.Json.Nodes;
using Patron.Engine.Segments;

namespace Patron.Web.Components.Pages.Segments;

/// <summary>
/// The builder's editable form of a rule tree: a group (all/any, optionally negated) or a condition whose value is the
/// text the user typed. Values are turned into JSON loosely (a number when it reads as one, a list split on commas) and
/// the engine's validator says what is wrong, so the builder never has its own idea of what a valid rule is.
/// </summary>
public sealed class RuleNode
{
    public bool IsGroup { get; init; }
    public bool Any { get; set; }
    public bool Negate { get; set; }
    public List<RuleNode> Children { get; } = [];
    public string Field { get; set; } = "";
    public string Op { get; set; } = "";
    public string Value { get; set; } = "";

    public static RuleNode Group(params RuleNode[] children)
    {
        var g = new RuleNode { IsGroup = true };
        g.Children.AddRange(children);
        return g;
    }

    public static RuleNode Condition(string field = "", string op = "", string value = "") => new() { Field = field, Op = op, Value = value };

    public JsonNode ToJson()
    {
        JsonNode node = IsGroup
            ? new JsonObject { [Any ? "any" : "all"] = new JsonArray([.. Children.Select(c => c.ToJson())]) }
            : ConditionJson();
        return Negate ? new JsonObject { ["not"] = node } : node;
    }

    JsonObject ConditionJson()
    {
        var o = new JsonObject { ["field"] = Field, ["op"] = Op };
        if (ValueJson() is { } v) o["value"] = v;
        return o;
    }

    JsonNode? ValueJson() => Op switch
    {
        RuleOps.IsEmpty or RuleOps.IsNotEmpty or RuleOps.InThisMonth => null,
        RuleOps.In or RuleOps.NotIn => new JsonArray([.. Split(Value).Select(v => (JsonNode)JsonValue.Create(v))]),
        RuleOps.Has or RuleOps.HasNot => JsonValue.Create(Value.Trim()),
        RuleOps.Between => new JsonArray([.. Split(Value).Select(Scalar)]),
        _ => Scalar(Value.Trim()),
    };

    static string[] Split(string text) => text.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static JsonNode Scalar(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(text);

    /// <summary>Back from stored JSON to the editor's form; a condition at the top is wrapped in a group.</summary>
    public static RuleNode From(SegmentRule rule, bool top = true)
    {
        var node = rule switch
        {
            AllOf all => Group([.. all.Rules.Select(r => From(r, false))]),
            AnyOf any => WithAny(Group([.. any.Rules.Select(r => From(r, false))])),
            NotRule not => Negated(From(not.Rule, false)),
            Condition c => Condition(c.Field, c.Op, Text(c.Value)),
            _ => Group(),
        };
        return top && !node.IsGroup ? Group(node) : node;
    }

    static RuleNode WithAny(RuleNode g) { g.Any = true; return g; }

    static RuleNode Negated(RuleNode n) { n.Negate = !n.Negate; return n; }

    static string Text(JsonNode? v) => v switch
    {
        null => "",
        JsonArray a => string.Join(", ", a.Select(x => x is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : x?.ToJsonString())),
        JsonValue jv when jv.TryGetValue<string>(out var s) => s,
        _ => v.ToJsonString(),
    };
}

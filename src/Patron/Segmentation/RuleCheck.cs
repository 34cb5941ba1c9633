using System.Text.Json.Nodes;
using Patron.Engine.Segments;
using Patron.Platform;

namespace Patron.Segmentation;

/// <summary>
/// Turns rule JSON into a rule tree or field errors. Errors are keyed by the request field plus the rule path
/// (<c>rule.all[1].value</c>), so the builder can show each beside its condition; messages carry both languages.
/// </summary>
static class RuleCheck
{
    public static async Task<SegmentRule?> ParseAsync(JsonNode? json, SegmentationEngine engine, ValidationErrors errors, CancellationToken ct)
    {
        if (json is null)
        {
            errors.Add("rule", "A segment needs a rule. 分群需要规则。");
            return null;
        }
        SegmentRule rule;
        try { rule = SegmentRuleJson.Parse(json, "$"); }
        catch (SegmentRuleFormatException e)
        {
            errors.Add(Field(e.Path), e.Message);
            return null;
        }
        foreach (var e in await engine.ValidateAsync(rule, ct)) errors.Add(Field(e.Path), $"{e.Message}. {e.MessageZh}。");
        return errors.Any ? null : rule;
    }

    static string Field(string path) => "rule" + path[1..];
}

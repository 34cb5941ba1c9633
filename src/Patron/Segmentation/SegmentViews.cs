using System.Text.Json.Nodes;
using Patron.Platform;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

static class SegmentViews
{
    public static SegmentView View(Segment s) => new(s.Id, s.Name, s.Description, JsonNode.Parse(s.RuleJson)!, s.MemberCount,
        s.RefreshedAt, s.CreatedBy, s.CreatedAt, s.UpdatedBy, s.UpdatedAt);

    /// <summary>Name and description rules shared by create and update.</summary>
    public static (string Name, string? Description) Text(string? name, string? description, ValidationErrors errors)
    {
        var n = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (n.Length == 0) errors.Add("name", "Required. 请填写名称。");
        else if (n.Length > 100) errors.Add("name", "At most 100 characters. 最多 100 个字符。");
        var d = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (d?.Length > 500) errors.Add("description", "At most 500 characters. 最多 500 个字符。");
        return (n, d);
    }
}

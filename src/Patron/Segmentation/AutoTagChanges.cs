using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

static class AutoTagChanges
{
    public static AutoTagRuleView View(AutoTagRule r) =>
        new(r.Id, r.Name, r.Tag, JsonNode.Parse(r.RuleJson)!, r.Enabled, r.MemberCount, r.RefreshedAt, r.UpdatedBy, r.UpdatedAt);

    /// <summary>Ends every open stretch of the rule (tracked, saved by the caller); the next refresh takes the tags off.</summary>
    public static async Task EndAllAsync(PatronDb db, AutoTagRule rule, DateTime now, CancellationToken ct)
    {
        foreach (var a in await db.AutoTagAssignments.Where(a => a.RuleId == rule.Id && a.EndedAt == null).ToListAsync(ct)) a.EndedAt = now;
    }
}

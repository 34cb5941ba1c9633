using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Engine.Segments;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

/// <param name="Tag">The tag to keep on matching customers (at most 32 characters, as customer tags).</param>
public sealed record SaveAutoTagRule(string? Name, string? Tag, JsonNode? Rule, bool Enabled = true);

/// <summary>
/// Creates or replaces an auto-tag rule after checking its rule against today's columns. Tags follow at the next refresh
/// (within seconds); a changed tag is taken off the customers the rule had tagged under the old one by that refresh.
/// </summary>
public sealed class SaveAutoTagRuleHandler(PatronDb db, SegmentationEngine engine, AuditLog audit, SegmentationSignal signal, TimeProvider clock)
{
    public async Task<WriteResult<AutoTagRuleView>> HandleAsync(Guid? id, SaveAutoTagRule request, Actor actor, CancellationToken ct = default)
    {
        var rule = id is { } existing ? await db.AutoTagRules.FirstOrDefaultAsync(r => r.Id == existing, ct) : null;
        if (id is not null && rule is null) return WriteResult<AutoTagRuleView>.Missing();
        var errors = new ValidationErrors();
        var (name, _) = SegmentViews.Text(request.Name, null, errors);
        var tag = Normalise.Text(request.Tag);
        if (tag is null) errors.Add("tag", "Required. 请填写标签。");
        else if (tag.Length > 32) errors.Add("tag", "At most 32 characters. 最多 32 个字符。");
        var parsed = await RuleCheck.ParseAsync(request.Rule, engine, errors, ct);
        await CheckNameAsync(id, name, errors, ct);
        if (errors.Any || parsed is null) return WriteResult<AutoTagRuleView>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        if (rule is null)
        {
            rule = new AutoTagRule { Id = Ids.New(), CreatedBy = actor.Name, CreatedAt = now };
            db.AutoTagRules.Add(rule);
        }
        else if (rule.Tag != tag)
        {
            // The old tag's stretches end now (RefreshAutoTags takes the tag off); the next refresh starts the new tag afresh.
            await AutoTagChanges.EndAllAsync(db, rule, now, ct);
        }
        (rule.Name, rule.Tag, rule.RuleJson, rule.Enabled) = (name, tag!, SegmentRuleJson.Write(parsed), request.Enabled);
        (rule.UpdatedBy, rule.UpdatedAt) = (actor.Name, now);
        audit.Add(actor, id is null ? AuditAction.Create : AuditAction.Update, "auto-tag rule", detail: $"{name} → {tag}");
        if (!await UniqueSave.TrySaveAsync(db, errors, () => CheckNameAsync(id, name, errors, ct), ct)) return WriteResult<AutoTagRuleView>.Invalid(errors);
        signal.Poke();
        return WriteResult<AutoTagRuleView>.Ok(AutoTagChanges.View(rule));
    }

    async Task CheckNameAsync(Guid? id, string name, ValidationErrors errors, CancellationToken ct)
    {
        if (name.Length > 0 && await db.AutoTagRules.AnyAsync(r => r.Name == name && r.Id != id, ct))
            errors.Add("name", "Another auto-tag rule already has this name. 已有同名自动标签规则。");
    }
}

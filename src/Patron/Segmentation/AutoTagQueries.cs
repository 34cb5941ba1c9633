using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

/// <summary>Reading auto-tag rules and their history.</summary>
public sealed class AutoTagQueries(PatronDb db)
{
    public async Task<IReadOnlyList<AutoTagRuleView>> ListAsync(CancellationToken ct = default) =>
        [.. (await db.AutoTagRules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct)).Select(AutoTagChanges.View)];

    public async Task<AutoTagRuleView?> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.AutoTagRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r ? AutoTagChanges.View(r) : null;

    /// <summary>The rule's stretches, newest first.</summary>
    public async Task<IReadOnlyList<AutoTagHistoryEntry>> HistoryAsync(Guid id, int take = 100, CancellationToken ct = default) =>
        await db.AutoTagAssignments.AsNoTracking().Where(a => a.RuleId == id)
            .OrderByDescending(a => a.EndedAt ?? a.MatchedAt).ThenByDescending(a => a.MatchedAt).Take(Math.Clamp(take, 1, 1000))
            .Select(a => new AutoTagHistoryEntry(a.CustomerId, a.MatchedAt, a.EndedAt, a.TagAdded, a.TagRemoved)).ToListAsync(ct);
}

/// <summary>Deletes a rule after taking its tags off the customers it tagged; its history goes with it, the audit log keeps that it existed.</summary>
public sealed class DeleteAutoTagRuleHandler(PatronDb db, RefreshAutoTagsHandler refresh, AuditLog audit)
{
    public async Task<bool> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        if (!await db.AutoTagRules.AnyAsync(r => r.Id == id, ct)) return false;
        await refresh.ClearAsync(id, ct);
        var rule = await db.AutoTagRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return false;
        db.AutoTagRules.Remove(rule);
        audit.Add(actor, AuditAction.Delete, "auto-tag rule", detail: $"{rule.Name} → {rule.Tag}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}

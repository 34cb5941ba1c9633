using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Engine.Segments;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Segmentation;

/// <summary>What one auto-tag refresh changed, over all rules.</summary>
public sealed record AutoTagOutcome(int Rules, int Tagged, int Untagged, int Skipped);

/// <summary>
/// Brings every auto-tag rule's tag in line with today's features, as <see cref="RefreshMembershipsHandler"/> does for
/// segments: a customer who starts matching gets a stretch and the tag (unless they already carry it), one who stops
/// has the stretch ended and the tag taken off if the rule put it on and no other rule with the same tag still holds
/// them (that rule then owns the tag). A disabled rule matches no one. A rule that no longer validates is skipped.
/// Changes are audited as the system's.
/// </summary>
public sealed class RefreshAutoTagsHandler(PatronDb db, SegmentationEngine engine, CustomerTags tags, AuditLog audit, TimeProvider clock)
{
    public async Task<AutoTagOutcome> HandleAsync(CancellationToken ct = default)
    {
        await engine.RefreshGate.WaitAsync(ct);
        try
        {
            var (tagged, untagged, skipped) = (0, 0, 0);
            var ids = await db.AutoTagRules.Select(r => r.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                if (await RefreshAsync(id, forceEmpty: false, ct) is not { } n) { skipped++; continue; }
                (tagged, untagged) = (tagged + n.Tagged, untagged + n.Untagged);
            }
            return new AutoTagOutcome(ids.Count - skipped, tagged, untagged, skipped);
        }
        finally { engine.RefreshGate.Release(); }
    }

    /// <summary>Takes the rule's tags off everyone it tagged (before the rule is deleted).</summary>
    internal async Task ClearAsync(Guid id, CancellationToken ct)
    {
        await engine.RefreshGate.WaitAsync(ct);
        try { await RefreshAsync(id, forceEmpty: true, ct); }
        finally { engine.RefreshGate.Release(); }
    }

    async Task<(int Tagged, int Untagged)?> RefreshAsync(Guid id, bool forceEmpty, CancellationToken ct)
    {
        if (await db.AutoTagRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } rule) return (0, 0);
        HashSet<Guid> want = [];
        if (rule.Enabled && !forceEmpty)
        {
            var parsed = SegmentRuleJson.Parse(rule.RuleJson);
            if ((await engine.ValidateAsync(parsed, ct)).Count > 0) return null;
            want = await engine.MembersAsync(parsed, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.AutoTagAssignments.Where(a => a.RuleId == id && a.EndedAt == null).ToListAsync(ct);
        var leaving = open.Where(a => !want.Contains(a.CustomerId)).ToList();
        foreach (var a in leaving) a.EndedAt = now;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var untagged = await UntagEndedAsync(id, ct);
        var have = open.Select(a => a.CustomerId).ToHashSet();
        var arriving = want.Where(c => !have.Contains(c)).ToList();
        var added = arriving.Count == 0 ? [] : await tags.AddAsync(rule.Tag, arriving, ct);
        db.AutoTagAssignments.AddRange(arriving.Select(c => new AutoTagAssignment
        {
            Id = Ids.New(), RuleId = id, CustomerId = c, Tag = rule.Tag, TagAdded = added.Contains(c), MatchedAt = now,
        }));
        var tracked = await db.AutoTagRules.FirstAsync(r => r.Id == id, ct);
        (tracked.MemberCount, tracked.RefreshedAt) = (want.Count, now);
        if (arriving.Count > 0 || leaving.Count > 0)
            audit.Add(Actor.System, AuditAction.Update, "auto-tag rule",
                detail: $"{rule.Name} → {rule.Tag}: {arriving.Count} matched ({added.Count} tagged), {leaving.Count} stopped ({untagged} untagged)");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (added.Count, untagged);
    }

    /// <summary>Ended stretches whose tag was put on by the rule and not yet dealt with: take the tag off, or hand it over.</summary>
    async Task<int> UntagEndedAsync(Guid id, CancellationToken ct)
    {
        var ended = await db.AutoTagAssignments.Where(a => a.RuleId == id && a.EndedAt != null && !a.TagRemoved).ToListAsync(ct);
        var removed = 0;
        foreach (var group in ended.Where(a => a.TagAdded).GroupBy(a => a.Tag))
        {
            var customers = group.Select(a => a.CustomerId).Distinct().ToList();
            // Another rule (or this one again) holding the customer under the same tag keeps it, and now owns it.
            var keepers = await db.AutoTagAssignments
                .Where(a => a.Tag == group.Key && a.EndedAt == null && customers.Contains(a.CustomerId)).ToListAsync(ct);
            foreach (var k in keepers) k.TagAdded = true;
            var kept = keepers.Select(k => k.CustomerId).ToHashSet();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            removed += (await tags.RemoveAsync(group.Key, customers.Where(c => !kept.Contains(c)), ct)).Count;
        }
        // Re-attached (the saves above cleared the tracker) and marked done.
        foreach (var a in ended) a.TagRemoved = true;
        db.AutoTagAssignments.UpdateRange(ended);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return removed;
    }
}

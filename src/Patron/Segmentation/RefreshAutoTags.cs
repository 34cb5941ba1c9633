using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Engine.Segments;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Platform.Bulk;

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
    // Ids per statement: far below SQLite's 32,766 parameters and PostgreSQL's 65,535, large enough that a rule
    // matching a hundred thousand customers takes a few dozen statements rather than thousands of row updates.
    const int Chunk = 5_000;

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
        var open = await db.AutoTagAssignments.AsNoTracking().Where(a => a.RuleId == id && a.EndedAt == null).Select(a => a.CustomerId).ToListAsync(ct);
        var leaving = open.Where(c => !want.Contains(c)).ToList();
        foreach (var chunk in leaving.Chunk(Chunk))
            await db.AutoTagAssignments.Where(a => a.RuleId == id && a.EndedAt == null && chunk.Contains(a.CustomerId))
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.EndedAt, now), ct);

        var untagged = await UntagEndedAsync(id, ct);
        var have = open.ToHashSet();
        var arriving = want.Where(c => !have.Contains(c)).ToList();
        var added = arriving.Count == 0 ? [] : await tags.AddAsync(rule.Tag, arriving, ct);
        await BulkWriter.InsertAsync(db, arriving.Select(c => new AutoTagAssignment
        {
            Id = Ids.New(), RuleId = id, CustomerId = c, Tag = rule.Tag, TagAdded = added.Contains(c), MatchedAt = now,
        }), ct);
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
        var ended = await db.AutoTagAssignments.AsNoTracking().Where(a => a.RuleId == id && a.EndedAt != null && !a.TagRemoved)
            .Select(a => new { a.Id, a.CustomerId, a.Tag, a.TagAdded }).ToListAsync(ct);
        var removed = 0;
        foreach (var group in ended.Where(a => a.TagAdded).GroupBy(a => a.Tag))
        {
            var customers = group.Select(a => a.CustomerId).Distinct().ToList();
            var kept = new HashSet<Guid>();
            foreach (var chunk in customers.Chunk(Chunk))
            {
                // Another rule (or this one again) holding the customer under the same tag keeps it, and now owns it.
                var keepers = await db.AutoTagAssignments.AsNoTracking()
                    .Where(a => a.Tag == group.Key && a.EndedAt == null && chunk.Contains(a.CustomerId)).Select(a => new { a.Id, a.CustomerId }).ToListAsync(ct);
                if (keepers.Count == 0) continue;
                var keeperIds = keepers.Select(k => k.Id).ToArray();
                await db.AutoTagAssignments.Where(a => keeperIds.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.TagAdded, true), ct);
                kept.UnionWith(keepers.Select(k => k.CustomerId));
            }
            removed += (await tags.RemoveAsync(group.Key, customers.Where(c => !kept.Contains(c)), ct)).Count;
        }
        foreach (var chunk in ended.Select(a => a.Id).Chunk(Chunk))
            await db.AutoTagAssignments.Where(a => chunk.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.TagRemoved, true), ct);
        return removed;
    }
}

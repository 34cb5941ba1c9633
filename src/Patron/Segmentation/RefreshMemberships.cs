using Microsoft.EntityFrameworkCore;
using Patron.Engine.Segments;
using Patron.Platform;

namespace Patron.Segmentation;

/// <summary>What one refresh changed, over all saved segments.</summary>
public sealed record RefreshOutcome(int Segments, int Entered, int Left, int Skipped);

/// <summary>
/// Brings every saved segment's materialised membership in line with today's features: customers who now match get an
/// entered row, customers who no longer match get their open row closed. A rule that no longer validates (its category
/// column is gone after a restart, say) is skipped and keeps its last membership rather than being emptied.
/// </summary>
public sealed class RefreshMembershipsHandler(PatronDb db, SegmentationEngine engine, TimeProvider clock)
{
    public async Task<RefreshOutcome> HandleAsync(CancellationToken ct = default)
    {
        // Two refreshes at once (the background one and a caller's) would both see a newcomer as missing and add it twice.
        await engine.RefreshGate.WaitAsync(ct);
        try { return await RefreshAllAsync(ct); }
        finally { engine.RefreshGate.Release(); }
    }

    async Task<RefreshOutcome> RefreshAllAsync(CancellationToken ct)
    {
        var (entered, left, skipped) = (0, 0, 0);
        var ids = await db.Segments.Select(s => s.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            // Read per turn: the tracker is cleared after each segment (its membership rows can be many), which would
            // detach a list of segments read up front and silently drop their new sizes.
            if (await db.Segments.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } segment) continue;
            var rule = SegmentRuleJson.Parse(segment.RuleJson);
            if ((await engine.ValidateAsync(rule, ct)).Count > 0) { skipped++; continue; }
            var want = await engine.MembersAsync(rule, ct);
            var open = await db.SegmentMemberships.Where(m => m.SegmentId == segment.Id && m.LeftAt == null).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var leaving = open.Where(m => !want.Contains(m.CustomerId)).ToList();
            foreach (var m in leaving) m.LeftAt = now;
            var have = open.Select(m => m.CustomerId).ToHashSet();
            var arriving = want.Where(c => !have.Contains(c)).ToList();
            db.SegmentMemberships.AddRange(arriving.Select(c => new SegmentMembership { Id = Ids.New(), SegmentId = segment.Id, CustomerId = c, EnteredAt = now }));
            if (leaving.Count > 0 || arriving.Count > 0 || segment.RefreshedAt is null)
                db.SegmentSizes.Add(new SegmentSize { Id = Ids.New(), SegmentId = segment.Id, At = now, Members = want.Count, Entered = arriving.Count, Left = leaving.Count });
            (segment.MemberCount, segment.RefreshedAt) = (want.Count, now);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            (entered, left) = (entered + arriving.Count, left + leaving.Count);
        }
        return new RefreshOutcome(ids.Count - skipped, entered, left, skipped);
    }
}

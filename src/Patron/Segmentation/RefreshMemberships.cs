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
        var (entered, left, skipped) = (0, 0, 0);
        var segments = await db.Segments.ToListAsync(ct);
        foreach (var segment in segments)
        {
            var rule = SegmentRuleJson.Parse(segment.RuleJson);
            if ((await engine.ValidateAsync(rule, ct)).Count > 0) { skipped++; continue; }
            var want = await engine.MembersAsync(rule, ct);
            var open = await db.SegmentMemberships.Where(m => m.SegmentId == segment.Id && m.LeftAt == null).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var leaving = open.Where(m => !want.Contains(m.CustomerId)).ToList();
            foreach (var m in leaving) m.LeftAt = now;
            var have = open.Select(m => m.CustomerId).ToHashSet();
            var arriving = want.Where(id => !have.Contains(id)).ToList();
            db.SegmentMemberships.AddRange(arriving.Select(id => new SegmentMembership { Id = Ids.New(), SegmentId = segment.Id, CustomerId = id, EnteredAt = now }));
            if (leaving.Count > 0 || arriving.Count > 0 || segment.RefreshedAt is null)
                db.SegmentSizes.Add(new SegmentSize { Id = Ids.New(), SegmentId = segment.Id, At = now, Members = want.Count, Entered = arriving.Count, Left = leaving.Count });
            (segment.MemberCount, segment.RefreshedAt) = (want.Count, now);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            (entered, left) = (entered + arriving.Count, left + leaving.Count);
        }
        return new RefreshOutcome(segments.Count - skipped, entered, left, skipped);
    }
}

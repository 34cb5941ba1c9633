using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Segmentation.Contracts;

/// <summary>A saved segment's current members, for other modules' reports.</summary>
public sealed class SegmentRoster(PatronDb db)
{
    public async Task<HashSet<Guid>> CurrentMembersAsync(Guid segmentId, CancellationToken ct = default) =>
        [.. await db.Set<SegmentMembership>().AsNoTracking().Where(m => m.SegmentId == segmentId && m.LeftAt == null)
            .Select(m => m.CustomerId).ToListAsync(ct)];
}

using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>Which lots points are spent from, and the spending itself.</summary>
static class Lots
{
    /// <summary>
    /// The customer's lots with points left that are usable at <paramref name="now"/> (available, not expired), oldest
    /// valid first: soonest expiry, then earliest earned; lots that never expire come last. With
    /// <paramref name="includePending"/> pending lots count too (a clawback may take points not yet available).
    /// </summary>
    public static Task<List<PointsLot>> UsableAsync(PatronDb db, Guid customerId, DateTime now, bool includePending, CancellationToken ct) =>
        db.Set<PointsLot>()
            .Where(l => l.CustomerId == customerId && l.Remaining > 0 && (l.ExpiresAt == null || l.ExpiresAt > now)
                && (includePending || l.AvailableFrom <= now))
            .OrderBy(l => l.ExpiresAt == null).ThenBy(l => l.ExpiresAt).ThenBy(l => l.EarnedAt).ThenBy(l => l.Id)
            .ToListAsync(ct);

    /// <summary>Takes <paramref name="points"/> from the lots in order, recording each take against the entry. The caller has checked there are enough.</summary>
    public static void Consume(PatronDb db, IEnumerable<PointsLot> lots, PointsEntry entry, long points)
    {
        foreach (var lot in lots)
        {
            if (points == 0) break;
            var take = Math.Min(points, lot.Remaining);
            lot.Remaining -= take;
            points -= take;
            db.Add(new PointsConsumption { Id = Ids.New(), CustomerId = entry.CustomerId, EntryId = entry.Id, LotId = lot.Id, Points = take });
        }
        if (points != 0) throw new InvalidOperationException("The lots hold fewer points than the caller checked for.");
    }

    public static Task<PointsEntry?> FindEntryAsync(PatronDb db, Guid customerId, string key, CancellationToken ct) =>
        db.Set<PointsEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == customerId && e.IdempotencyKey == key, ct);
}

using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

public sealed record UpcomingExpiry(DateTime ExpiresAt, long Points);

/// <param name="Total">The sum of the customer's ledger.</param>
/// <param name="Available">Usable now.</param>
/// <param name="Pending">Earned but still inside the return window.</param>
/// <param name="Expiring">Available and pending points by expiry, soonest first.</param>
/// <remarks>Total − Available − Pending is what has passed its expiry but awaits the expiry job.</remarks>
public sealed record PointsBalance(long Total, long Available, long Pending, IReadOnlyList<UpcomingExpiry> Expiring);

/// <summary>A customer's points at this moment, read from their lots.</summary>
public sealed class GetPointsBalanceHandler(PatronDb db, TimeProvider clock)
{
    const int ExpiriesShown = 12;

    public async Task<PointsBalance> HandleAsync(Guid customerId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var total = await db.Set<PointsAccount>().Where(a => a.CustomerId == customerId).Select(a => a.Balance).FirstOrDefaultAsync(ct);
        var open = await db.Set<PointsLot>().AsNoTracking()
            .Where(l => l.CustomerId == customerId && l.Remaining > 0 && (l.ExpiresAt == null || l.ExpiresAt > now))
            .Select(l => new { l.Remaining, l.AvailableFrom, l.ExpiresAt })
            .ToListAsync(ct);
        var available = open.Where(l => l.AvailableFrom <= now).Sum(l => l.Remaining);
        var pending = open.Where(l => l.AvailableFrom > now).Sum(l => l.Remaining);
        var expiring = open.Where(l => l.ExpiresAt is not null)
            .GroupBy(l => l.ExpiresAt!.Value).OrderBy(g => g.Key).Take(ExpiriesShown)
            .Select(g => new UpcomingExpiry(g.Key, g.Sum(l => l.Remaining))).ToList();
        return new PointsBalance(total, available, pending, expiring);
    }
}

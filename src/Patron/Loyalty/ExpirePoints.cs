using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <param name="AsOf">Lots with an expiry at or before this instant expire (a lot expiring at T is expired at T).</param>
public sealed record ExpirePoints(DateTime AsOf);

public sealed record PointsExpired(int Lots, long Points);

/// <summary>
/// The scheduled expiry: writes one expire entry per lot past its expiry for what is left of it. Safe to run again
/// or concurrently with redemptions: each customer is written under their account's version, and an expired lot
/// has nothing left, so a second run finds nothing.
/// </summary>
public sealed class ExpirePointsHandler(PatronDb db, TimeProvider clock)
{
    const int CustomersPerBatch = 500;

    public async Task<PointsExpired> HandleAsync(ExpirePoints request, CancellationToken ct = default)
    {
        // A job passes UTC; a time without a kind is taken as UTC rather than as the server's local time.
        var asOf = request.AsOf.Kind == DateTimeKind.Local ? request.AsOf.ToUniversalTime() : DateTime.SpecifyKind(request.AsOf, DateTimeKind.Utc);
        int lots = 0;
        long points = 0;
        while (true)
        {
            var customers = await Due(asOf).Select(l => l.CustomerId).Distinct().OrderBy(c => c).Take(CustomersPerBatch).ToListAsync(ct);
            if (customers.Count == 0) break;
            foreach (var customerId in customers)
            {
                var (n, p) = await AccountWrites.RetryAsync(db, () => ExpireAsync(customerId, asOf, ct), ct);
                lots += n;
                points += p;
                db.ChangeTracker.Clear();
            }
        }
        return new PointsExpired(lots, points);
    }

    IQueryable<PointsLot> Due(DateTime asOf) =>
        db.Set<PointsLot>().Where(l => l.Remaining > 0 && l.ExpiresAt != null && l.ExpiresAt <= asOf);

    async Task<(int Lots, long Points)> ExpireAsync(Guid customerId, DateTime asOf, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var account = await AccountWrites.LoadAsync(db, customerId, now, ct);
        var due = await Due(asOf).Where(l => l.CustomerId == customerId).ToListAsync(ct);
        var points = due.Sum(l => l.Remaining);
        foreach (var lot in due)
        {
            // One entry per lot, keyed by the lot: the expiry of a lot can be written only once.
            var entry = PointsEntry.New(customerId, PointsEntryKind.Expire, -lot.Remaining, $"Expired at {lot.ExpiresAt:O}",
                $"expire:{lot.Id}", now, Actor.System);
            db.Add(entry);
            Lots.Consume(db, [lot], entry, lot.Remaining);
            AccountWrites.Apply(account, entry);
        }
        await db.SaveChangesAsync(ct);
        return (due.Count, points);
    }
}

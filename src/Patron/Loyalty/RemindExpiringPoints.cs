using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

public sealed record ExpiryRemindersRecorded(int Reminders, long Points);

/// <summary>
/// Records the "points.expiring" event (<see cref="ExpiryReminder"/>) for every lot with points left that expires
/// within the programme's reminder days of <paramref name="asOf"/>. One per lot, ever: the lot id is unique.
/// </summary>
public sealed class RemindExpiringPointsHandler(PatronDb db)
{
    public async Task<ExpiryRemindersRecorded> HandleAsync(DateTime asOf, CancellationToken ct = default)
    {
        asOf = DateTime.SpecifyKind(asOf, DateTimeKind.Utc);
        var settings = await LoyaltySettings.LoadAsync(db, ct);
        var horizon = asOf.AddDays(settings.ExpiryReminderDays);
        var due = await db.Set<PointsLot>().AsNoTracking()
            .Where(l => l.Remaining > 0 && l.ExpiresAt != null && l.ExpiresAt > asOf && l.ExpiresAt <= horizon
                && !db.Set<ExpiryReminder>().Any(r => r.LotId == l.Id))
            .Select(l => new { l.Id, l.CustomerId, l.Remaining, l.ExpiresAt })
            .ToListAsync(ct);
        foreach (var lot in due)
            db.Add(new ExpiryReminder
            {
                Id = Ids.New(), CustomerId = lot.CustomerId, LotId = lot.Id, Points = lot.Remaining, ExpiresAt = lot.ExpiresAt!.Value, RecordedAt = asOf,
            });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new ExpiryRemindersRecorded(due.Count, due.Sum(l => l.Remaining));
    }
}

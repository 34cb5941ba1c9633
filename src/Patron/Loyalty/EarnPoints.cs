using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <param name="AvailableFrom">When the points stop being pending (the end of the return window); now when omitted.</param>
/// <param name="ExpiresAt">When the lot expires (usable strictly before); never when omitted.</param>
public sealed record EarnPoints(Guid CustomerId, long Points, string? IdempotencyKey, string? Reason = null,
    DateTime? AvailableFrom = null, DateTime? ExpiresAt = null);

public sealed record PointsEarned(Guid EntryId, Guid LotId, long Points, DateTime AvailableFrom, DateTime? ExpiresAt, bool Replayed);

/// <summary>Credits points as a new lot with its earn entry. Idempotent by key: a replay returns the original lot.</summary>
public sealed class EarnPointsHandler(PatronDb db, CustomerDirectory customers, TimeProvider clock)
{
    public async Task<WriteResult<PointsEarned>> HandleAsync(EarnPoints request, Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var key = LedgerRequests.Key(request.IdempotencyKey, errors);
        var reason = LedgerRequests.Reason(request.Reason, required: false, errors);
        LedgerRequests.Positive(request.Points, errors);
        var availableFrom = UtcTime.Normalise(request.AvailableFrom, "availableFrom", errors) ?? now;
        var expiresAt = UtcTime.Normalise(request.ExpiresAt, "expiresAt", errors);
        if (expiresAt <= availableFrom) errors.Add("expiresAt", "Must be after the points become available.");
        if (errors.Any) return WriteResult<PointsEarned>.Invalid(errors);
        if (!await customers.ExistsAsync(request.CustomerId, ct)) return WriteResult<PointsEarned>.Missing();

        return await AccountWrites.RetryAsync(db, async () =>
        {
            if (await Lots.FindEntryAsync(db, request.CustomerId, key!, ct) is { } original) return await ReplayAsync(original, ct);
            var account = await AccountWrites.LoadAsync(db, request.CustomerId, now, ct);
            var entry = PointsEntry.New(request.CustomerId, PointsEntryKind.Earn, request.Points, reason, key!, now, actor);
            var lot = new PointsLot
            {
                Id = Ids.New(), CustomerId = request.CustomerId, EntryId = entry.Id, Points = request.Points, Remaining = request.Points,
                EarnedAt = now, AvailableFrom = availableFrom, ExpiresAt = expiresAt,
            };
            db.AddRange(entry, lot);
            AccountWrites.Apply(account, entry);
            await db.SaveChangesAsync(ct);
            return WriteResult<PointsEarned>.Ok(new PointsEarned(entry.Id, lot.Id, entry.Points, lot.AvailableFrom, lot.ExpiresAt, Replayed: false));
        }, ct);
    }

    async Task<WriteResult<PointsEarned>> ReplayAsync(PointsEntry entry, CancellationToken ct)
    {
        if (entry.Kind != PointsEntryKind.Earn) return LedgerRequests.KeyTaken<PointsEarned>(entry);
        var lot = await db.Set<PointsLot>().AsNoTracking().SingleAsync(l => l.CustomerId == entry.CustomerId && l.EntryId == entry.Id, ct);
        return WriteResult<PointsEarned>.Ok(new PointsEarned(entry.Id, lot.Id, entry.Points, lot.AvailableFrom, lot.ExpiresAt, Replayed: true));
    }
}

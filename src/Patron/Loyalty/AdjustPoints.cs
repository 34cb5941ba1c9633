using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <param name="Points">Signed: a credit becomes a new, available lot; a debit is taken from the oldest valid lots, pending ones included.</param>
/// <param name="Reason">Required: manual changes to points must say why.</param>
/// <param name="IdempotencyKey">Optional; a form posting twice should send one, otherwise every call is a new adjustment.</param>
/// <param name="ExpiresAt">For a credit: when its lot expires; never when omitted.</param>
public sealed record AdjustPoints(Guid CustomerId, long Points, string? Reason, string? IdempotencyKey = null, DateTime? ExpiresAt = null);

public sealed record PointsAdjusted(Guid EntryId, long Points, bool Replayed);

/// <summary>A manual correction by staff, with a reason, audited. A debit never takes the balance below zero.</summary>
public sealed class AdjustPointsHandler(PatronDb db, CustomerDirectory customers, AuditLog audit, TimeProvider clock)
{
    public async Task<WriteResult<PointsAdjusted>> HandleAsync(AdjustPoints request, Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var key = request.IdempotencyKey is null ? $"adjust:{Ids.New()}" : LedgerRequests.Key(request.IdempotencyKey, errors);
        var reason = LedgerRequests.Reason(request.Reason, required: true, errors);
        if (request.Points == 0) errors.Add("points", "Must not be zero.");
        var expiresAt = UtcTime.Normalise(request.ExpiresAt, "expiresAt", errors);
        if (expiresAt <= now) errors.Add("expiresAt", "Must be in the future.");
        if (errors.Any) return WriteResult<PointsAdjusted>.Invalid(errors);
        if (!await customers.ExistsAsync(request.CustomerId, ct)) return WriteResult<PointsAdjusted>.Missing();

        return await AccountWrites.RetryAsync(db, async () =>
        {
            if (await Lots.FindEntryAsync(db, request.CustomerId, key!, ct) is { } original)
                return original.Kind == PointsEntryKind.Adjust
                    ? WriteResult<PointsAdjusted>.Ok(new PointsAdjusted(original.Id, original.Points, Replayed: true))
                    : LedgerRequests.KeyTaken<PointsAdjusted>(original);

            var account = await AccountWrites.LoadAsync(db, request.CustomerId, now, ct);
            var entry = PointsEntry.New(request.CustomerId, PointsEntryKind.Adjust, request.Points, reason, key!, now, actor);
            if (request.Points > 0)
                db.Add(new PointsLot
                {
                    Id = Ids.New(), CustomerId = request.CustomerId, EntryId = entry.Id, Points = request.Points, Remaining = request.Points,
                    EarnedAt = now, AvailableFrom = now, ExpiresAt = expiresAt,
                });
            else
            {
                var lots = await Lots.UsableAsync(db, request.CustomerId, now, includePending: true, ct);
                var held = lots.Sum(l => l.Remaining);
                if (held < -request.Points)
                {
                    db.ChangeTracker.Clear();
                    var shortfall = new ValidationErrors();
                    shortfall.Add("points", $"The customer holds only {held} points; a debit of {-request.Points} would overdraw.");
                    return WriteResult<PointsAdjusted>.Invalid(shortfall);
                }
                Lots.Consume(db, lots, entry, -request.Points);
            }
            db.Add(entry);
            AccountWrites.Apply(account, entry);
            audit.Add(actor, AuditAction.Update, "loyalty_points", request.CustomerId, $"{request.Points:+#;-#} points: {reason}");
            await db.SaveChangesAsync(ct);
            return WriteResult<PointsAdjusted>.Ok(new PointsAdjusted(entry.Id, entry.Points, Replayed: false));
        }, ct);
    }
}

using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

public sealed record RedeemPoints(Guid CustomerId, long Points, string? IdempotencyKey, string? Reason = null);

public sealed record PointsRedeemed(Guid EntryId, long Points, bool Replayed);

/// <summary>
/// Spends available points, oldest valid lot first. Never overdraws: when fewer points are available than asked,
/// it is rejected and nothing is written. Idempotent by key: a replay returns the original redemption and writes nothing.
/// </summary>
public sealed class RedeemPointsHandler(PatronDb db, CustomerDirectory customers, TimeProvider clock)
{
    public async Task<WriteResult<PointsRedeemed>> HandleAsync(RedeemPoints request, Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var key = LedgerRequests.Key(request.IdempotencyKey, errors);
        var reason = LedgerRequests.Reason(request.Reason, required: false, errors);
        LedgerRequests.Positive(request.Points, errors);
        if (errors.Any) return WriteResult<PointsRedeemed>.Invalid(errors);
        if (!await customers.ExistsAsync(request.CustomerId, ct)) return WriteResult<PointsRedeemed>.Missing();

        return await AccountWrites.RetryAsync(db, async () =>
        {
            // The key decides first: a replay answers with the original even if the balance has changed since.
            if (await Lots.FindEntryAsync(db, request.CustomerId, key!, ct) is { } original)
                return original.Kind == PointsEntryKind.Redeem
                    ? WriteResult<PointsRedeemed>.Ok(new PointsRedeemed(original.Id, -original.Points, Replayed: true))
                    : LedgerRequests.KeyTaken<PointsRedeemed>(original);

            var account = await AccountWrites.LoadAsync(db, request.CustomerId, now, ct);
            var lots = await Lots.UsableAsync(db, request.CustomerId, now, includePending: false, ct);
            var available = lots.Sum(l => l.Remaining);
            if (available < request.Points)
            {
                db.ChangeTracker.Clear();
                var shortfall = new ValidationErrors();
                shortfall.Add("points", $"Only {available} points are available; {request.Points} were asked for.");
                return WriteResult<PointsRedeemed>.Invalid(shortfall);
            }

            var entry = PointsEntry.New(request.CustomerId, PointsEntryKind.Redeem, -request.Points, reason, key!, now, actor);
            db.Add(entry);
            Lots.Consume(db, lots, entry, request.Points);
            AccountWrites.Apply(account, entry);
            await db.SaveChangesAsync(ct);
            return WriteResult<PointsRedeemed>.Ok(new PointsRedeemed(entry.Id, request.Points, Replayed: false));
        }, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

public sealed record LedgerLine(DateTime CreatedAt, PointsEntryKind Kind, long Points, string Reason, string ActorName);

/// <summary>The newest lines of a customer's points ledger, for the customer 360 page.</summary>
public sealed class GetPointsLedgerHandler(PatronDb db)
{
    public async Task<IReadOnlyList<LedgerLine>> HandleAsync(Guid customerId, int take = 20, CancellationToken ct = default) =>
        await db.Set<PointsEntry>().AsNoTracking().Where(e => e.CustomerId == customerId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(Math.Clamp(take, 1, 200))
            .Select(e => new LedgerLine(e.CreatedAt, e.Kind, e.Points, e.Reason, e.ActorName))
            .ToListAsync(ct);
}

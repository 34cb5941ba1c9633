using Microsoft.EntityFrameworkCore;
using Patron.Engine.Loyalty;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>What a tier qualifies on: net spend or net points earned by orders placed in the rolling window (asOf − days, asOf].</summary>
static class TierMeasure
{
    public static async Task<long> OfAsync(PatronDb db, LoyaltySettings settings, Guid customerId, DateTime asOf, CancellationToken ct)
    {
        var from = asOf.AddDays(-settings.TierWindowDays);
        var orders = db.Set<OrderEarning>().Where(e => e.CustomerId == customerId && e.PlacedAt > from && e.PlacedAt <= asOf);
        return settings.TierBasis == TierBasis.Spend
            ? await orders.SumAsync(e => e.PaidAmount - e.RefundedAmount, ct)
            : await orders.SumAsync(e => e.PointsEarned - e.PointsReversed, ct);
    }

    public static async Task<List<(LoyaltyTier Tier, TierRung Rung)>> LadderAsync(PatronDb db, CancellationToken ct) =>
        (await db.Set<LoyaltyTier>().AsNoTracking().OrderBy(t => t.Rank).ToListAsync(ct))
        .Select(t => (t, new TierRung(t.Id, t.Rank, t.Threshold))).ToList();
}

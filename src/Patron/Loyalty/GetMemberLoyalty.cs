using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

public sealed record TierView(string Code, string Name, int Rank, long Threshold, int PointsMultiplierPercent, int DiscountPercent,
    long BirthdayPoints, bool FreeDelivery, string Perks);

public sealed record HeldCoupon(string Code, string Name, CouponStatus Status, DateTime? ValidTo);

/// <param name="Measure">Spend (fen) or points over the rolling window, per the programme's tier basis.</param>
/// <param name="ToNextTier">What is still missing for the next tier; null at the top.</param>
public sealed record MemberLoyalty(Guid CustomerId, TierView? Tier, DateTime? TierReviewAt, long Measure, TierView? NextTier, long? ToNextTier,
    PointsBalance Points, IReadOnlyList<HeldCoupon> Coupons);

/// <summary>What the customer 360 page shows of loyalty: tier and progress to the next, points, coupons.</summary>
public sealed class GetMemberLoyaltyHandler(PatronDb db, GetPointsBalanceHandler balance, TimeProvider clock)
{
    const int CouponsShown = 20;

    public async Task<MemberLoyalty> HandleAsync(Guid customerId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await LoyaltySettings.LoadAsync(db, ct);
        var ladder = await db.Set<LoyaltyTier>().AsNoTracking().OrderBy(t => t.Rank).ToListAsync(ct);
        var member = await db.Set<MemberTier>().AsNoTracking().FirstOrDefaultAsync(m => m.CustomerId == customerId, ct);
        var tier = ladder.FirstOrDefault(t => t.Id == member?.TierId);
        var measure = await TierMeasure.OfAsync(db, settings, customerId, now, ct);
        var next = ladder.FirstOrDefault(t => t.Rank > (tier?.Rank ?? -1) && t.Threshold > 0);
        var coupons = await (from c in db.Set<Coupon>() join t in db.Set<CouponTemplate>() on c.TemplateId equals t.Id
                             where c.CustomerId == customerId orderby c.IssuedAt descending
                             select new HeldCoupon(c.Code, t.Name, c.Status, c.ValidTo)).Take(CouponsShown).ToListAsync(ct);
        return new MemberLoyalty(customerId, View(tier), member?.ReviewAt, measure, View(next), next is null ? null : Math.Max(0, next.Threshold - measure),
            await balance.HandleAsync(customerId, ct), coupons);
    }

    static TierView? View(LoyaltyTier? t) => t is null ? null
        : new(t.Code, t.Name, t.Rank, t.Threshold, t.PointsMultiplierPercent, t.DiscountPercent, t.BirthdayPoints, t.FreeDelivery, t.Perks);
}

using Microsoft.EntityFrameworkCore;
using Patron.Engine.Loyalty;
using Patron.Platform;

namespace Patron.Loyalty;

public sealed record CouponTemplateView(Guid Id, string Name, CouponKind Kind, long AmountOff, int PercentOff, long? MaxDiscount, long MinSpend,
    bool Stackable, DateTime? ValidFrom, DateTime? ValidTo, int? ValidDays, int? TotalLimit, int? PerCustomerLimit, int IssuedCount, bool Active);

/// <summary>What the programme's admin pages list: the tier ladder and the coupon templates.</summary>
public sealed class ListLoyaltySetupHandler(PatronDb db)
{
    /// <summary>Whether tier thresholds and a member's measure are fen of spend or points, for showing them.</summary>
    public async Task<TierBasis> TierBasisAsync(CancellationToken ct = default) => (await LoyaltySettings.LoadAsync(db, ct)).TierBasis;

    public async Task<IReadOnlyList<TierView>> TiersAsync(CancellationToken ct = default) =>
        await db.Set<LoyaltyTier>().AsNoTracking().OrderBy(t => t.Rank)
            .Select(t => new TierView(t.Code, t.Name, t.Rank, t.Threshold, t.PointsMultiplierPercent, t.DiscountPercent, t.BirthdayPoints,
                t.FreeDelivery, t.Perks))
            .ToListAsync(ct);

    /// <summary>A tier as an edit form starts from.</summary>
    public async Task<UpdateTier?> TierForEditAsync(string code, CancellationToken ct = default) =>
        await db.Set<LoyaltyTier>().AsNoTracking().Where(t => t.Code == code)
            .Select(t => new UpdateTier(t.Code, t.Name, t.Threshold, t.PointsMultiplierPercent, t.DiscountPercent, t.BirthdayPoints,
                t.BirthdayCouponTemplateId, t.FreeDelivery, t.Perks))
            .FirstOrDefaultAsync(ct);

    /// <summary>The tiers' ids and names, lowest first, for pickers.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> TierNamesAsync(CancellationToken ct = default) =>
        (await db.Set<LoyaltyTier>().AsNoTracking().OrderBy(t => t.Rank).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();

    public async Task<IReadOnlyList<CouponTemplateView>> CouponTemplatesAsync(CancellationToken ct = default) =>
        await db.Set<CouponTemplate>().AsNoTracking().OrderByDescending(t => t.CreatedAt)
            .Select(t => new CouponTemplateView(t.Id, t.Name, t.Kind, t.AmountOff, t.PercentOff, t.MaxDiscount, t.MinSpend, t.Stackable,
                t.ValidFrom, t.ValidTo, t.ValidDays, t.TotalLimit, t.PerCustomerLimit, t.IssuedCount, t.Active))
            .ToListAsync(ct);
}

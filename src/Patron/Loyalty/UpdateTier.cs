using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <param name="Threshold">In the tier basis's unit; must stay between the tiers below and above (the lowest stays 0).</param>
/// <param name="BirthdayCouponTemplateId">The birthday gift as a coupon (the trigger job issues it); none when omitted.</param>
public sealed record UpdateTier(string Code, string? Name, long Threshold, int PointsMultiplierPercent, int DiscountPercent, long BirthdayPoints,
    Guid? BirthdayCouponTemplateId, bool FreeDelivery, string? Perks);

/// <summary>Edits a tier's name, threshold and benefits, audited. Members keep their tier; the next earning or review uses the new threshold.</summary>
public sealed class UpdateTierHandler(PatronDb db, AuditLog audit)
{
    public async Task<WriteResult<TierView>> HandleAsync(UpdateTier request, Actor actor, CancellationToken ct = default)
    {
        var ladder = await db.Set<LoyaltyTier>().OrderBy(t => t.Rank).ToListAsync(ct);
        var tier = ladder.FirstOrDefault(t => t.Code == request.Code);
        if (tier is null) return WriteResult<TierView>.Missing();
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors.Add("name", "Required, at most 100 characters.");
        var index = ladder.IndexOf(tier);
        if (index == 0 && request.Threshold != 0) errors.Add("threshold", "The lowest tier starts at 0.");
        else if (index > 0 && (request.Threshold <= ladder[index - 1].Threshold || index + 1 < ladder.Count && request.Threshold >= ladder[index + 1].Threshold))
            errors.Add("threshold", "Must stay above the tier below and below the tier above.");
        if (request.PointsMultiplierPercent is < 100 or > 10_000) errors.Add("pointsMultiplierPercent", "Between 100 (×1) and 10000 (×100).");
        if (request.DiscountPercent is < 0 or > 90) errors.Add("discountPercent", "Between 0 and 90.");
        if (request.BirthdayPoints < 0) errors.Add("birthdayPoints", "Must not be negative.");
        if (request.BirthdayCouponTemplateId is { } templateId && !await db.Set<CouponTemplate>().AnyAsync(t => t.Id == templateId, ct))
            errors.Add("birthdayCouponTemplateId", "No coupon template has this id.");
        var perks = request.Perks?.Trim() ?? "";
        if (perks.Length > 1000) errors.Add("perks", "At most 1000 characters.");
        if (errors.Any) return WriteResult<TierView>.Invalid(errors);

        (tier.Name, tier.Threshold, tier.PointsMultiplierPercent, tier.DiscountPercent, tier.BirthdayPoints, tier.BirthdayCouponTemplateId, tier.FreeDelivery, tier.Perks) =
            (name, request.Threshold, request.PointsMultiplierPercent, request.DiscountPercent, request.BirthdayPoints, request.BirthdayCouponTemplateId,
                request.FreeDelivery, perks);
        audit.Add(actor, AuditAction.Update, "loyalty_tier", detail:
            $"{tier.Code}: {name}, threshold {tier.Threshold}, ×{tier.PointsMultiplierPercent}%, {tier.DiscountPercent}% off, birthday {tier.BirthdayPoints} points / coupon {tier.BirthdayCouponTemplateId}");
        await db.SaveChangesAsync(ct);
        return WriteResult<TierView>.Ok(new TierView(tier.Code, tier.Name, tier.Rank, tier.Threshold, tier.PointsMultiplierPercent, tier.DiscountPercent,
            tier.BirthdayPoints, tier.FreeDelivery, tier.Perks));
    }
}

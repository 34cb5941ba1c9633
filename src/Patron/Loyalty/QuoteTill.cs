using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Engine.Loyalty;
using Patron.Platform;

namespace Patron.Loyalty;

public sealed record QuoteTill(Guid CustomerId, IReadOnlyList<TillLine>? Lines);

public sealed record CouponQuote(string Code, string Name, CouponKind Kind, bool Applies, long Discount, string? Reason, bool Stackable,
    Guid? GiftProductId, DateTime? ValidTo);

/// <param name="MaxPointsUsable">The most points this cart can take: what is available, and no more than is left to pay after the tier discount.</param>
public sealed record TillQuote(Guid CustomerId, long CartTotal, string? TierCode, string? TierName, int TierDiscountPercent, long TierDiscount,
    IReadOnlyList<CouponQuote> Coupons, long PointsAvailable, long PointValueFen, long PointsValue, long MaxPointsUsable);

/// <summary>What the till may offer a customer on this cart. Reads only.</summary>
public sealed class QuoteTillHandler(PatronDb db, CustomerDirectory customers, StoreDirectory catalogue, TimeProvider clock)
{
    public async Task<WriteResult<TillQuote>> HandleAsync(QuoteTill request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (!await customers.ExistsAsync(request.CustomerId, ct)) return WriteResult<TillQuote>.Missing();
        var cart = await TillCart.LoadAsync(db, catalogue, request.CustomerId, request.Lines, errors, ct);
        if (cart is null) return WriteResult<TillQuote>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var coupons = (await TillCart.UsableCouponsAsync(db, request.CustomerId, now, null, ct)).Select(x =>
        {
            var offer = CouponPricing.Price(x.Template.Terms(x.Coupon.Id), cart.Lines);
            return new CouponQuote(x.Coupon.Code, x.Template.Name, x.Template.Kind, offer.Applies, offer.Discount, offer.Reason,
                x.Template.Stackable, x.Template.GiftProductId, x.Coupon.ValidTo);
        }).ToList();
        var available = await db.Set<PointsLot>()
            .Where(l => l.CustomerId == request.CustomerId && l.Remaining > 0 && l.AvailableFrom <= now && (l.ExpiresAt == null || l.ExpiresAt > now))
            .SumAsync(l => l.Remaining, ct);
        var value = cart.Settings.PointValueFen;
        var maxUsable = Math.Min(available, value <= 0 ? 0 : (cart.Total - cart.TierDiscount) / value);
        return WriteResult<TillQuote>.Ok(new TillQuote(request.CustomerId, cart.Total, cart.Tier?.Code, cart.Tier?.Name, cart.Tier?.DiscountPercent ?? 0,
            cart.TierDiscount, coupons, available, value, available * value, maxUsable));
    }
}

namespace Patron.Engine.Loyalty;

public enum CouponKind { AmountOff, PercentOff, Threshold, FreeGift }

/// <summary>What a coupon gives. Restricted to a product or a category, it counts only the matching lines.</summary>
/// <param name="AmountOff">Fen off, for AmountOff and Threshold (满 MinSpend 减 AmountOff).</param>
/// <param name="PercentOff">Whole percent off the eligible amount, for PercentOff.</param>
/// <param name="MaxDiscount">The cap of a percent-off coupon, in fen.</param>
/// <param name="MinSpend">The eligible amount the cart must reach, in fen.</param>
public sealed record CouponTerms(
    Guid CouponId, CouponKind Kind, long AmountOff = 0, int PercentOff = 0, long? MaxDiscount = null, long MinSpend = 0,
    Guid? ProductId = null, Guid? CategoryId = null, Guid? GiftProductId = null, bool Stackable = false);

public readonly record struct CartLine(Guid ProductId, Guid CategoryId, long Amount);

/// <param name="Discount">Fen off the cart; 0 for a free gift (the till hands over <see cref="CouponTerms.GiftProductId"/>).</param>
/// <param name="Reason">Why it does not apply, when it does not.</param>
public sealed record CouponOffer(Guid CouponId, bool Applies, long Discount, string? Reason);

public static class CouponPricing
{
    public static long EligibleAmount(CouponTerms terms, IReadOnlyList<CartLine> cart) =>
        cart.Where(l => (terms.ProductId is null || l.ProductId == terms.ProductId)
                && (terms.CategoryId is null || l.CategoryId == terms.CategoryId))
            .Sum(l => l.Amount);

    public static CouponOffer Price(CouponTerms terms, IReadOnlyList<CartLine> cart)
    {
        var eligible = EligibleAmount(terms, cart);
        if (eligible <= 0) return new CouponOffer(terms.CouponId, false, 0, "No item in the cart qualifies.");
        if (eligible < terms.MinSpend)
            return new CouponOffer(terms.CouponId, false, 0, $"Needs {terms.MinSpend} fen of qualifying items; the cart has {eligible}.");
        var discount = terms.Kind switch
        {
            CouponKind.AmountOff or CouponKind.Threshold => Math.Min(terms.AmountOff, eligible),
            CouponKind.PercentOff => Math.Min((long)((Int128)eligible * terms.PercentOff / 100), terms.MaxDiscount ?? long.MaxValue),
            CouponKind.FreeGift => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(terms), terms.Kind, null),
        };
        return new CouponOffer(terms.CouponId, true, discount, null);
    }

    /// <summary>
    /// Several coupons on one cart: allowed only when every one is stackable (a non-stackable coupon must be used
    /// alone). Each is priced on the whole cart and the total never exceeds the cart. Null when the combination is refused.
    /// </summary>
    public static long? Combined(IReadOnlyList<CouponTerms> coupons, IReadOnlyList<CartLine> cart, out IReadOnlyList<CouponOffer> offers)
    {
        offers = coupons.Select(c => Price(c, cart)).ToList();
        if (coupons.Count > 1 && coupons.Any(c => !c.Stackable)) return null;
        if (offers.Any(o => !o.Applies)) return null;
        return Math.Min(offers.Sum(o => o.Discount), cart.Sum(l => l.Amount));
    }
}

using Patron.Engine.Loyalty;

namespace Patron.Engine.Tests.Loyalty;

public sealed class CouponPricingTests
{
    static readonly Guid Fresh = Guid.NewGuid(), Wine = Guid.NewGuid(), Apples = Guid.NewGuid(), Bordeaux = Guid.NewGuid(), Gift = Guid.NewGuid();
    static readonly CartLine[] Cart = [new(Apples, Fresh, 3870), new(Bordeaux, Wine, 9900)];

    [Fact]
    public void A_threshold_coupon_applies_from_its_threshold_inclusive()
    {
        var manjian = new CouponTerms(Guid.NewGuid(), CouponKind.Threshold, AmountOff: 2000, MinSpend: 13770);
        Assert.Equal(2000, CouponPricing.Price(manjian, Cart).Discount);
        var above = CouponPricing.Price(manjian with { MinSpend = 13771 }, Cart);
        Assert.False(above.Applies);
        Assert.Contains("13771", above.Reason);
    }

    [Fact]
    public void A_percent_coupon_is_capped_and_a_category_coupon_counts_only_its_lines()
    {
        // 10% of the fresh line only: 387 fen; with a cap of 300, 300.
        var tenPercent = new CouponTerms(Guid.NewGuid(), CouponKind.PercentOff, PercentOff: 10, CategoryId: Fresh);
        Assert.Equal(387, CouponPricing.Price(tenPercent, Cart).Discount);
        Assert.Equal(300, CouponPricing.Price(tenPercent with { MaxDiscount = 300 }, Cart).Discount);
        Assert.False(CouponPricing.Price(tenPercent with { CategoryId = Guid.NewGuid() }, Cart).Applies);
    }

    [Fact]
    public void An_amount_off_never_exceeds_what_it_applies_to_and_a_gift_takes_nothing_off()
    {
        Assert.Equal(3870, CouponPricing.Price(new CouponTerms(Guid.NewGuid(), CouponKind.AmountOff, AmountOff: 5000, ProductId: Apples), Cart).Discount);
        var gift = CouponPricing.Price(new CouponTerms(Guid.NewGuid(), CouponKind.FreeGift, MinSpend: 10000, GiftProductId: Gift), Cart);
        Assert.Equal((true, 0L), (gift.Applies, gift.Discount));
    }

    [Fact]
    public void Coupons_combine_only_when_every_one_stacks()
    {
        var a = new CouponTerms(Guid.NewGuid(), CouponKind.AmountOff, AmountOff: 1000, Stackable: true);
        var b = new CouponTerms(Guid.NewGuid(), CouponKind.AmountOff, AmountOff: 500, Stackable: true);
        Assert.Equal(1500, CouponPricing.Combined([a, b], Cart, out _));
        Assert.Null(CouponPricing.Combined([a, b with { Stackable = false }], Cart, out _));
        Assert.Equal(500, CouponPricing.Combined([b with { Stackable = false }], Cart, out _));
    }
}

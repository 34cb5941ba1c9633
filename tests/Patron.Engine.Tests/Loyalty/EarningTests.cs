using Patron.Engine.Loyalty;

namespace Patron.Engine.Tests.Loyalty;

public sealed class EarningTests
{
    static readonly Guid Fresh = Guid.NewGuid(), Wine = Guid.NewGuid(), Apples = Guid.NewGuid(), Milk = Guid.NewGuid(), Bordeaux = Guid.NewGuid();

    // Apples 38.70 and milk 31.00 (both fresh), a bottle of wine 99.00: gross 168.70, paid 160.00 after an 8.70 discount.
    static readonly EarnLine[] Basket = [new(Apples, Fresh, 3870), new(Milk, Fresh, 3100), new(Bordeaux, Wine, 9900)];

    static EarnPolicy Policy(int tier = 100, int day = 100, long? cap = null) => new(100,
        new Dictionary<Guid, int> { [Milk] = 0 }, new Dictionary<Guid, int> { [Fresh] = 200 }, tier, day, cap);

    [Fact]
    public void Without_rules_an_order_earns_one_point_per_yuan_paid_rounded_down()
    {
        var policy = new EarnPolicy(100, new Dictionary<Guid, int>(), new Dictionary<Guid, int>());
        Assert.Equal(new EarnQuote(160, 160), Earning.Points(Basket, 16000, policy));
        Assert.Equal(159, Earning.Points([new(Apples, Fresh, 15999)], 15999, policy).Points);
    }

    [Fact]
    public void A_product_rule_wins_over_its_category_and_the_discount_is_spread_over_the_lines()
    {
        // Apples ×2 (fresh), milk excluded (its own rule beats fresh), wine ×1: 7740 + 0 + 9900 = 17640 weighted fen,
        // of which 16000/16870 was paid: 16730.3 fen → 167 points.
        Assert.Equal(167, Earning.Points(Basket, 16000, Policy()).Points);
    }

    [Fact]
    public void Tier_and_member_day_multipliers_multiply_and_the_cap_applies_last()
    {
        // 16730.3 fen × 1.5 (gold) × 2 (member day) = 50190.9 → 501 points; a cap of 300 keeps 300.
        Assert.Equal(new EarnQuote(501, 501), Earning.Points(Basket, 16000, Policy(tier: 150, day: 200)));
        Assert.Equal(new EarnQuote(300, 501), Earning.Points(Basket, 16000, Policy(tier: 150, day: 200, cap: 300)));
    }

    [Fact]
    public void An_order_with_nothing_paid_earns_nothing() =>
        Assert.Equal(0, Earning.Points(Basket, 0, Policy()).Points);

    [Theory]
    [InlineData(160, 0, 16000, 0)]
    [InlineData(160, 4000, 16000, 40)]
    [InlineData(50, 4000, 16000, 12)]
    [InlineData(50, 15999, 16000, 49)]
    [InlineData(50, 16000, 16000, 50)]
    public void The_share_of_points_on_a_refund_rounds_down_until_everything_is_refunded(long earned, long refunded, long paid, long share) =>
        Assert.Equal(share, Earning.Share(earned, refunded, paid));
}

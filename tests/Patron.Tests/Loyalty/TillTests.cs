using Microsoft.EntityFrameworkCore;
using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

public sealed class TillTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateTime At = Tuesday.AddHours(1);

    static async Task<(Programme Shop, string Code)> ShopWithCouponAsync(TestDatabase database, long points = 0, CreateCouponTemplate? terms = null)
    {
        var shop = await OpenAsync(database);
        await using var db = database.NewContext();
        if (points > 0)
            (await Ledger.Earn(db, At.AddDays(-1)).HandleAsync(new EarnPoints(shop.CustomerId, points, "earlier", ExpiresAt: At.AddYears(1)), Handlers.Clerk, Ct)).Ok();
        var template = (await Templates(db, At).HandleAsync(terms ?? new CreateCouponTemplate("满100减20", CouponKind.Threshold, AmountOff: 2000, MinSpend: 10000, ValidDays: 30),
            Handlers.Clerk, Ct)).Ok();
        return (shop, (await Issue(db, At).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "k1"), Ct)).Ok().Code);
    }

    static async Task<(int Commits, int Redeemed, int Entries, long Version)> WrittenAsync(TestDatabase database, Guid customerId)
    {
        await using var db = database.NewContext();
        return (await db.Set<TillCommit>().CountAsync(Ct), await db.Set<Coupon>().CountAsync(c => c.Status == CouponStatus.Redeemed, Ct),
            await db.Set<PointsEntry>().CountAsync(Ct), await db.Set<PointsAccount>().Where(a => a.CustomerId == customerId).Select(a => a.Version).SingleOrDefaultAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Fifty_tills_redeeming_one_single_use_coupon_at_once_make_exactly_one_success(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (shop, code) = await ShopWithCouponAsync(database);

        using var start = new ManualResetEventSlim();
        var tills = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            start.Wait(Ct);
            return await Till(db, At).HandleAsync(new CommitTill(shop.CustomerId, $"till-{i}", shop.Cart, [code]), Handlers.Clerk, Ct);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tills);

        var winner = Assert.Single(results, r => r.Value is not null).Value!;
        Assert.All(results.Where(r => r.Value is null), r => Assert.Equal(["couponCodes"], r.Fields()));
        Assert.Equal((2000L, 16870L - 2000), (winner.CouponDiscount, winner.ToPay));
        await using var check = database.NewContext();
        var coupon = await check.Set<Coupon>().SingleAsync(Ct);
        Assert.Equal((CouponStatus.Redeemed, (Guid?)winner.CommitId), (coupon.Status, coupon.CommitId));
        Assert.Equal(1, await check.Set<TillCommit>().CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Replaying_a_commit_with_the_same_key_returns_the_first_answer_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (shop, code) = await ShopWithCouponAsync(database, points: 500);
        TillCommitted first, replay;
        await using (var db = database.NewContext())
            first = (await Till(db, At).HandleAsync(new CommitTill(shop.CustomerId, "till-9", shop.Cart, [code], 300), Handlers.Clerk, Ct)).Ok();
        var after = await WrittenAsync(database, shop.CustomerId);
        // Even a resend with another cart and more points gets the first answer.
        await using (var db = database.NewContext())
            replay = (await Till(db, At.AddMinutes(1)).HandleAsync(new CommitTill(shop.CustomerId, "till-9", shop.Cart.Take(1).ToList(), [], 400), Handlers.Clerk, Ct)).Ok();

        // 16870 cart: 2000 off (满100减20) and 300 points × 1 fen → 14570 to pay.
        Assert.Equal((2000L, 300L, 300L, 2300L, 14570L, false), (first.CouponDiscount, first.PointsRedeemed, first.PointsValue, first.TotalDiscount, first.ToPay, first.Replayed));
        Assert.Equal([new AppliedCoupon(code, 2000, null)], replay.Coupons);
        Assert.Equal(first with { Replayed = true, Coupons = replay.Coupons }, replay);
        Assert.Equal(after, await WrittenAsync(database, shop.CustomerId));
        Assert.Equal(200, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, At));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_commit_short_of_points_uses_neither_the_coupon_nor_any_points(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (shop, code) = await ShopWithCouponAsync(database, points: 100);
        var before = await WrittenAsync(database, shop.CustomerId);
        await using (var db = database.NewContext())
        {
            var result = await Till(db, At).HandleAsync(new CommitTill(shop.CustomerId, "till-1", shop.Cart, [code], 101), Handlers.Clerk, Ct);
            Assert.Equal(["points"], result.Fields());
        }
        Assert.Equal(before, await WrittenAsync(database, shop.CustomerId));
        Assert.Equal(100, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, At));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_quote_lists_the_coupons_with_their_discount_the_tier_discount_and_the_points_value(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (shop, code) = await ShopWithCouponAsync(database, points: 500,
            new CreateCouponTemplate("酒水9折", CouponKind.PercentOff, PercentOff: 10, MaxDiscount: 800, ValidDays: 30));
        var silver = DefaultTiersHandler.Ladder().Single(t => t.Code == "silver");
        silver.Id = Ids.New();
        await SaveAsync(database, silver, new MemberTier { CustomerId = shop.CustomerId, TierId = silver.Id, Since = At, ReviewAt = At.AddDays(365) });
        await using var db = database.NewContext();
        var quote = (await Quote(db, At).HandleAsync(new QuoteTill(shop.CustomerId, shop.Cart), Ct)).Ok();
        // 10% of 16870 is 1687, capped at 800; silver takes 2%: ⌊337.4⌋ = 337.
        var offer = Assert.Single(quote.Coupons);
        Assert.Equal((code, true, 800L), (offer.Code, offer.Applies, offer.Discount));
        Assert.Equal(("silver", 2, 337L), (quote.TierCode, quote.TierDiscountPercent, quote.TierDiscount));
        Assert.Equal((500L, 500L, 500L), (quote.PointsAvailable, quote.PointsValue, quote.MaxPointsUsable));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_coupon_that_does_not_stack_cannot_be_used_with_another(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (shop, code) = await ShopWithCouponAsync(database);
        await using var db = database.NewContext();
        var template = (await Templates(db, At).HandleAsync(new CreateCouponTemplate("立减5元", CouponKind.AmountOff, AmountOff: 500, Stackable: true, ValidDays: 7), Handlers.Clerk, Ct)).Ok();
        var other = (await Issue(db, At).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "k2"), Ct)).Ok().Code;
        var result = await Till(db, At).HandleAsync(new CommitTill(shop.CustomerId, "till-1", shop.Cart, [code, other]), Handlers.Clerk, Ct);
        Assert.Equal(["couponCodes"], result.Fields());
        Assert.Equal(0, await db.Set<Coupon>().CountAsync(c => c.Status == CouponStatus.Redeemed, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Issuing_stops_at_the_total_and_per_customer_limits_and_a_replayed_issue_gives_the_same_coupon(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var second = await Ledger.NewCustomerAsync(database);
        await using var db = database.NewContext();
        var template = (await Templates(db, At).HandleAsync(new CreateCouponTemplate("生日券", CouponKind.AmountOff, AmountOff: 1000,
            ValidDays: 30, TotalLimit: 2, PerCustomerLimit: 1), Handlers.Clerk, Ct)).Ok();
        var a = (await Issue(db, At).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "birthday:2026"), Ct)).Ok();
        var again = (await Issue(db, At).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "birthday:2026"), Ct)).Ok();
        var perCustomer = await Issue(db, At).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "birthday:2026b"), Ct);
        (await Issue(db, At).HandleAsync(new IssueCoupon(template.Id, second, "birthday:2026"), Ct)).Ok();
        var third = await Ledger.NewCustomerAsync(database);
        var total = await Issue(db, At).HandleAsync(new IssueCoupon(template.Id, third, "birthday:2026"), Ct);

        Assert.Equal((a.Code, true), (again.Code, again.Replayed));
        Assert.Equal(At.AddDays(30), a.ValidTo);
        Assert.Equal(["customerId"], perCustomer.Fields());
        Assert.Equal(["templateId"], total.Fields());
        Assert.Equal(2, await db.Set<Coupon>().CountAsync(Ct));
    }
}

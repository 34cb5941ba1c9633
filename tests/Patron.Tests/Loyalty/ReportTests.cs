using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

public sealed class ReportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_liability_counts_unspent_unexpired_points_at_their_till_value_and_coupons_report_their_redemption_rate_and_sales(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var at = Tuesday.AddHours(1);
        await PlaceAsync(database, shop.Sale("T-1", Tuesday), at); // 160 pending
        await SaveAsync(database, new LoyaltySettings { PointValueFen = 2 });
        await using var db = database.NewContext();
        var earn = Ledger.Earn(db, at);
        (await earn.HandleAsync(new EarnPoints(shop.CustomerId, 50, "soon", ExpiresAt: at.AddDays(20)), Handlers.Clerk, Ct)).Ok();
        (await earn.HandleAsync(new EarnPoints(shop.CustomerId, 70, "later", ExpiresAt: at.AddDays(60)), Handlers.Clerk, Ct)).Ok();
        (await earn.HandleAsync(new EarnPoints(shop.CustomerId, 999, "gone", ExpiresAt: at.AddSeconds(1)), Handlers.Clerk, Ct)).Ok();
        var template = (await Templates(db, at).HandleAsync(new CreateCouponTemplate("立减5元", CouponKind.AmountOff, AmountOff: 500, ValidDays: 7), Handlers.Clerk, Ct)).Ok();
        var code = (await Issue(db, at).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "a"), Ct)).Ok().Code;
        var other = (await Issue(db, at).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "b"), Ct)).Ok().Code;
        (await Issue(db, at).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "c"), Ct)).Ok();
        // One coupon on sale T-1 (paid 160.00), one on a sale whose order has not arrived.
        (await Till(db, at).HandleAsync(new CommitTill(shop.CustomerId, "till-1", shop.Cart, [code], OrderExternalId: "T-1"), Handlers.Clerk, Ct)).Ok();
        (await Till(db, at).HandleAsync(new CommitTill(shop.CustomerId, "till-2", shop.Cart, [other], OrderExternalId: "T-9"), Handlers.Clerk, Ct)).Ok();

        // An hour later the 999 have expired: 50 + 70 available, 160 pending, worth 2 fen each.
        var reports = new LoyaltyReportsHandler(db, new Patron.Commerce.Contracts.OrderPayments(db), new FixedClock(at.AddHours(1)));
        Assert.Equal(new PointsLiability(at.AddHours(1), 1, 120, 160, 560, 50, 120), await reports.LiabilityAsync(Ct));
        var coupons = Assert.Single(await reports.CouponsAsync(Ct));
        Assert.Equal((3, 2, 2 / 3.0), (coupons.Issued, coupons.Redeemed, coupons.RedemptionRate));
        Assert.Equal(16000, coupons.SalesWithCoupons);
    }
}

using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Ledger;

namespace Patron.Tests.Loyalty;

/// <summary>The reads behind the loyalty pages: a customer's recent ledger, the tier ladder, the coupon templates.</summary>
public sealed class PageQueryTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_ledger_shows_one_customers_newest_entries_first_up_to_the_count_asked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await NewCustomerAsync(database);
        var other = await NewCustomerAsync(database);
        await using (var db = database.NewContext())
        {
            (await Earn(db, Now).HandleAsync(new EarnPoints(customer, 100, "e1", "first"), Handlers.Clerk, Ct)).Ok();
            (await Earn(db, Now.AddHours(1)).HandleAsync(new EarnPoints(customer, 40, "e2", "second"), Handlers.Clerk, Ct)).Ok();
            (await Earn(db, Now.AddHours(1)).HandleAsync(new EarnPoints(other, 7, "o1", "someone else"), Handlers.Clerk, Ct)).Ok();
            (await Redeem(db, Now.AddHours(2)).HandleAsync(new RedeemPoints(customer, 30, "r1", "at the till"), Handlers.Clerk, Ct)).Ok();
        }

        await using var read = database.NewContext();
        var ledger = await new GetPointsLedgerHandler(read).HandleAsync(customer, take: 2, Ct);

        Assert.Equal([(PointsEntryKind.Redeem, -30L, "at the till"), (PointsEntryKind.Earn, 40L, "second")],
            ledger.Select(l => (l.Kind, l.Points, l.Reason)).ToArray());
        Assert.Equal(Handlers.Clerk.Name, ledger[0].ActorName);
        Assert.Equal(3, (await new GetPointsLedgerHandler(read).HandleAsync(customer, ct: Ct)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tiers_are_listed_by_rank_and_coupon_templates_newest_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var setup = new ListLoyaltySetupHandler(db);
        Assert.Empty(await setup.TiersAsync(Ct));
        Assert.Equal(TierBasis.Spend, await setup.TierBasisAsync(Ct));

        await new DefaultTiersHandler(db).HandleAsync(Ct);
        (await Programme.Templates(db, Now).HandleAsync(new CreateCouponTemplate("满100减20", CouponKind.Threshold, AmountOff: 2000, MinSpend: 10000, ValidDays: 30), Handlers.Clerk, Ct)).Ok();
        (await Programme.Templates(db, Now.AddMinutes(1)).HandleAsync(new CreateCouponTemplate("9折", CouponKind.PercentOff, PercentOff: 10, MaxDiscount: 5000, ValidDays: 7), Handlers.Clerk, Ct)).Ok();

        Assert.Equal(DefaultTiersHandler.Ladder().Select(t => (t.Rank, t.Name, t.Threshold)), (await setup.TiersAsync(Ct)).Select(t => (t.Rank, t.Name, t.Threshold)));
        var templates = await setup.CouponTemplatesAsync(Ct);
        Assert.Equal(["9折", "满100减20"], templates.Select(t => t.Name));
        Assert.Equal((CouponKind.PercentOff, 10, 5000L, 7), (templates[0].Kind, templates[0].PercentOff, templates[0].MaxDiscount!.Value, templates[0].ValidDays!.Value));
        Assert.Equal((2000L, 10000L), (templates[1].AmountOff, templates[1].MinSpend));
    }
}

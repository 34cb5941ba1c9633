using Microsoft.EntityFrameworkCore;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Loyalty;

public sealed class TierEditTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_tier_is_edited_within_its_neighbours_thresholds_with_a_birthday_coupon_and_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        Assert.Equal(4, await new DefaultTiersHandler(db).HandleAsync(Ct));
        var template = (await Programme.Templates(db, Programme.Tuesday).HandleAsync(new Patron.Loyalty.CreateCouponTemplate("金卡生日券",
            Patron.Engine.Loyalty.CouponKind.AmountOff, AmountOff: 5000, ValidDays: 30), Handlers.Clerk, Ct)).Ok().Id;
        var edit = new UpdateTierHandler(db, new AuditLog(db, new FixedClock(Programme.Tuesday)));

        // Silver starts at 2000.00, diamond at 20000.00: gold must stay strictly between.
        var tooHigh = await edit.HandleAsync(new UpdateTier("gold", "金卡", 2_000_000, 150, 5, 500, null, true, ""), Handlers.Clerk, Ct);
        var tooLow = await edit.HandleAsync(new UpdateTier("gold", "金卡", 200_000, 150, 5, 500, null, true, ""), Handlers.Clerk, Ct);
        var lowest = await edit.HandleAsync(new UpdateTier("regular", "普通会员", 1, 100, 0, 0, null, false, ""), Handlers.Clerk, Ct);
        var bad = await edit.HandleAsync(new UpdateTier("gold", " ", 600_000, 50, 95, -1, Guid.NewGuid(), true, ""), Handlers.Clerk, Ct);
        Assert.True(tooHigh.Errors!.Has("threshold") && tooLow.Errors!.Has("threshold") && lowest.Errors!.Has("threshold"));
        Assert.Equal(["birthdayCouponTemplateId", "birthdayPoints", "discountPercent", "name", "pointsMultiplierPercent"], bad.Errors!.ToDictionary().Keys.Order());
        Assert.True((await edit.HandleAsync(new UpdateTier("platinum", "白金", 1, 100, 0, 0, null, false, ""), Handlers.Clerk, Ct)).NotFound);

        var saved = (await edit.HandleAsync(new UpdateTier("gold", "金卡会员", 600_000, 160, 6, 0, template, true, "生日礼"), Handlers.Clerk, Ct)).Ok();
        Assert.Equal(new TierView("gold", "金卡会员", 2, 600_000, 160, 6, 0, true, "生日礼"), saved);
        db.ChangeTracker.Clear();
        Assert.Equal(template, (await db.Set<LoyaltyTier>().SingleAsync(t => t.Code == "gold", Ct)).BirthdayCouponTemplateId);
        Assert.Single(await db.AuditEntries.Where(a => a.Subject == "loyalty_tier").ToListAsync(Ct));
    }
}

using Microsoft.EntityFrameworkCore;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

public sealed class ProgrammeSetupTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Saving_a_rule_for_the_same_category_replaces_it_and_a_rule_needs_exactly_one_target(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        await using var db = database.NewContext();
        var rules = new SaveEarnRuleHandler(db, new AuditLog(db, new FixedClock(Tuesday)));
        var first = (await rules.HandleAsync(new SaveEarnRule("生鲜双倍", null, shop.Catalog.CategoryId, 200), Handlers.Clerk, Ct)).Ok();
        var second = (await rules.HandleAsync(new SaveEarnRule("生鲜三倍", null, shop.Catalog.CategoryId, 300), Handlers.Clerk, Ct)).Ok();
        var both = await rules.HandleAsync(new SaveEarnRule("x", shop.Catalog.ApplesId, shop.Catalog.CategoryId, 100), Handlers.Clerk, Ct);

        Assert.Equal((first.Id, 300), (second.Id, Assert.Single(await rules.ListAsync(Ct)).MultiplierPercent));
        Assert.Equal(["productId"], both.Fields());
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Subject.StartsWith("loyalty_earn_rule"), Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_member_day_saved_through_its_handler_doubles_an_order_on_the_18th_and_the_member_sees_progress_to_the_next_tier(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        await using (var db = database.NewContext())
        {
            var days = new SaveMemberDayHandler(db, new AuditLog(db, new FixedClock(Tuesday)));
            Assert.Equal(["weekday"], (await days.HandleAsync(new SaveMemberDay("两者", DayOfWeek.Wednesday, 18, 200), Handlers.Clerk, Ct)).Fields());
            (await days.HandleAsync(new SaveMemberDay("18号会员日", null, 18, 200), Handlers.Clerk, Ct)).Ok();
            Assert.Equal(4, await new DefaultTiersHandler(db).HandleAsync(Ct));
        }
        var the18th = new DateTime(2026, 6, 18, 2, 0, 0, DateTimeKind.Utc);
        await PlaceAsync(database, shop.Sale("T-1", the18th), the18th);

        await using (var db = database.NewContext())
        {
            var clock = new FixedClock(the18th.AddHours(1));
            var member = await new GetMemberLoyaltyHandler(db, new GetPointsBalanceHandler(db, clock), clock).HandleAsync(shop.CustomerId, Ct);
            // 160 points × 2 on the 18th, pending; 160.00 spent of the 2000.00 silver needs.
            Assert.Equal((320L, 320L), (member.Points.Total, member.Points.Pending));
            Assert.Equal(("regular", "silver", 16000L, 184000L), (member.Tier?.Code, member.NextTier?.Code, member.Measure, member.ToNextTier));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_member_day_switched_off_no_longer_multiplies_and_an_edit_is_validated_and_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        await using (var db = database.NewContext())
        {
            var days = new SaveMemberDayHandler(db, new AuditLog(db, new FixedClock(Tuesday)));
            var day = (await days.HandleAsync(new SaveMemberDay("18号会员日", null, 18, 200), Handlers.Clerk, Ct)).Ok();
            Assert.True((await days.UpdateAsync(Ids.New(), new SaveMemberDay("x", null, 18, 200), Handlers.Clerk, Ct)).NotFound);
            Assert.Equal(["multiplierPercent"], (await days.UpdateAsync(day.Id, new SaveMemberDay("18号会员日", null, 18, 50), Handlers.Clerk, Ct)).Fields());
            var off = (await days.UpdateAsync(day.Id, new SaveMemberDay("18号会员日（停）", null, 18, 300, Active: false), Handlers.Clerk, Ct)).Ok();
            Assert.Equal(("18号会员日（停）", 300, false), (off.Name, off.MultiplierPercent, off.Active));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Subject == $"loyalty_member_day:{day.Id}", Ct));
        }
        var the18th = new DateTime(2026, 6, 18, 2, 0, 0, DateTimeKind.Utc);
        await PlaceAsync(database, shop.Sale("T-1", the18th), the18th);

        await using (var db = database.NewContext())
        {
            var clock = new FixedClock(the18th.AddHours(1));
            var member = await new GetMemberLoyaltyHandler(db, new GetPointsBalanceHandler(db, clock), clock).HandleAsync(shop.CustomerId, Ct);
            // The same sale as above earns 160 points at ×1: the switched-off day does not double it.
            Assert.Equal(160L, member.Points.Total);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

/// <summary>Coupons on triggers and the tiers' birthday gifts. Tuesday is 2026-06-02, 10:00 in Shanghai.</summary>
public sealed class TriggerTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static IssueTriggeredCouponsHandler Job(PatronDb db, DateTime at) =>
        new(db, new CustomerBirthdays(db), new PurchaseDates(db), Ledger.Earn(db, at));

    static async Task<TriggeredIssued> RunAsync(TestDatabase database, DateTime at)
    {
        await using var db = database.NewContext();
        return await Job(db, at).HandleAsync(new IssueTriggered(at), Ct);
    }

    static async Task<Guid> TemplateAsync(TestDatabase database, string name, TriggerKind? kind = null, int days = 0, DateTime? triggerSince = null)
    {
        await using var db = database.NewContext();
        var id = (await Templates(db, Tuesday).HandleAsync(new CreateCouponTemplate(name, CouponKind.AmountOff, AmountOff: 1000, ValidDays: 30),
            Handlers.Clerk, Ct)).Ok().Id;
        if (kind is { } k)
            (await new SaveCouponTriggerHandler(db, new Patron.Platform.Audit.AuditLog(db, new FixedClock(Tuesday)), new FixedClock(triggerSince ?? Tuesday))
                .HandleAsync(new SaveCouponTrigger(id, k, days), Handlers.Clerk, Ct)).Ok();
        return id;
    }

    static async Task<int> CouponsAsync(TestDatabase database, Guid templateId, Guid? customerId = null)
    {
        await using var db = database.NewContext();
        return await db.Set<Coupon>().CountAsync(c => c.TemplateId == templateId && (customerId == null || c.CustomerId == customerId), Ct);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_birthday_coupon_comes_the_given_days_before_once_a_year(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var soon = (await CouponIssuingTests.CustomersAsync(database, 1, new DateOnly(1990, 6, 5)))[0];
        var later = (await CouponIssuingTests.CustomersAsync(database, 1, new DateOnly(1985, 6, 10)))[0];
        var past = (await CouponIssuingTests.CustomersAsync(database, 1, new DateOnly(1992, 6, 1)))[0];
        await CouponIssuingTests.CustomersAsync(database, 1);
        var template = await TemplateAsync(database, "生日券", TriggerKind.Birthday, days: 3, triggerSince: Tuesday.AddDays(-1));

        // 2 June: 5 June is 3 days away; 10 June is 8; 1 June has passed (next is 2027).
        Assert.Equal(1, (await RunAsync(database, Tuesday)).Coupons[TriggerKind.Birthday]);
        Assert.Equal(0, (await RunAsync(database, Tuesday.AddHours(5))).Coupons[TriggerKind.Birthday]);
        // 7 June: 10 June is 3 days away; the first customer's next birthday is 2027.
        Assert.Equal(1, (await RunAsync(database, Tuesday.AddDays(5))).Coupons[TriggerKind.Birthday]);
        // 3 June 2027: the first customer's birthday again, two days away.
        Assert.Equal(1, (await RunAsync(database, new DateTime(2027, 6, 3, 2, 0, 0, DateTimeKind.Utc))).Coupons[TriggerKind.Birthday]);

        Assert.Equal((2, 1, 0), (await CouponsAsync(database, template, soon), await CouponsAsync(database, template, later), await CouponsAsync(database, template, past)));
        Assert.Equal(3, await CouponsAsync(database, template));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task First_purchase_tier_upgrade_and_win_back_coupons_come_once_per_occurrence_after_the_trigger_exists(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var veteran = await Ledger.NewCustomerAsync(database);
        var first = await TemplateAsync(database, "首购礼", TriggerKind.FirstPurchase);
        var winBack = await TemplateAsync(database, "回归券", TriggerKind.WinBack, days: 30);
        var upgrade = await TemplateAsync(database, "升级礼", TriggerKind.TierUpgrade);
        var gold = DefaultTiersHandler.Ladder().Single(t => t.Code == "gold");
        gold.Id = Ids.New();
        await SaveAsync(database, gold,
            new TierChange { Id = Ids.New(), CustomerId = veteran, ToTierId = gold.Id, Kind = TierChangeKind.Upgrade, At = Tuesday.AddDays(-1) },
            new TierChange { Id = Ids.New(), CustomerId = shop.CustomerId, ToTierId = gold.Id, Kind = TierChangeKind.Joined, At = Tuesday.AddDays(2) },
            new TierChange { Id = Ids.New(), CustomerId = shop.CustomerId, ToTierId = gold.Id, Kind = TierChangeKind.Upgrade, At = Tuesday.AddDays(3) });
        // The veteran bought 60 days before the triggers existed and lapsed 30 days before: neither counts.
        await PlaceAsync(database, shop.Sale("V-1", Tuesday.AddDays(-60)) with { CustomerId = veteran }, Tuesday.AddDays(-60));
        await PlaceAsync(database, shop.Sale("T-1", Tuesday.AddDays(1)), Tuesday.AddDays(1));

        var day2 = await RunAsync(database, Tuesday.AddDays(2));
        Assert.Equal((1, 0, 0), (day2.Coupons[TriggerKind.FirstPurchase], day2.Coupons[TriggerKind.TierUpgrade], day2.Coupons[TriggerKind.WinBack]));
        var day4 = await RunAsync(database, Tuesday.AddDays(4));
        Assert.Equal((0, 1, 0), (day4.Coupons[TriggerKind.FirstPurchase], day4.Coupons[TriggerKind.TierUpgrade], day4.Coupons[TriggerKind.WinBack]));
        // 30 days after the last purchase (day 1) the customer has lapsed: one win-back coupon, not two on a rerun.
        Assert.Equal(0, (await RunAsync(database, Tuesday.AddDays(30))).Coupons[TriggerKind.WinBack]);
        Assert.Equal(1, (await RunAsync(database, Tuesday.AddDays(31).AddHours(1))).Coupons[TriggerKind.WinBack]);
        Assert.Equal(0, (await RunAsync(database, Tuesday.AddDays(32))).Coupons[TriggerKind.WinBack]);
        // Back on day 40, lapsed again on day 70: a second lapse, a second coupon.
        await PlaceAsync(database, shop.Sale("T-2", Tuesday.AddDays(40)), Tuesday.AddDays(40));
        Assert.Equal(1, (await RunAsync(database, Tuesday.AddDays(71))).Coupons[TriggerKind.WinBack]);

        Assert.Equal((1, 1, 2), (await CouponsAsync(database, first, shop.CustomerId), await CouponsAsync(database, upgrade, shop.CustomerId),
            await CouponsAsync(database, winBack, shop.CustomerId)));
        Assert.Equal((0, 0, 0), (await CouponsAsync(database, first, veteran), await CouponsAsync(database, upgrade, veteran),
            await CouponsAsync(database, winBack, veteran)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tier_members_get_their_tiers_birthday_gift_in_points_or_a_coupon_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var gift = await TemplateAsync(database, "银卡生日券");
        var ladder = DefaultTiersHandler.Ladder().Where(t => t.Code is "silver" or "gold").ToList();
        foreach (var t in ladder) t.Id = Ids.New();
        var silver = ladder.Single(t => t.Code == "silver");
        var gold = ladder.Single(t => t.Code == "gold");
        silver.BirthdayCouponTemplateId = gift;
        var goldToday = (await CouponIssuingTests.CustomersAsync(database, 1, new DateOnly(1990, 6, 2)))[0];
        var silverLastWeek = (await CouponIssuingTests.CustomersAsync(database, 1, new DateOnly(1990, 5, 30)))[0];
        var goldLongAgo = (await CouponIssuingTests.CustomersAsync(database, 1, new DateOnly(1990, 5, 20)))[0];
        var noTier = (await CouponIssuingTests.CustomersAsync(database, 1, new DateOnly(1990, 6, 2)))[0];
        await SaveAsync(database, [.. ladder,
            new MemberTier { CustomerId = goldToday, TierId = gold.Id, Since = Tuesday.AddDays(-10), ReviewAt = Tuesday.AddDays(300) },
            new MemberTier { CustomerId = silverLastWeek, TierId = silver.Id, Since = Tuesday.AddDays(-10), ReviewAt = Tuesday.AddDays(300) },
            new MemberTier { CustomerId = goldLongAgo, TierId = gold.Id, Since = Tuesday.AddDays(-10), ReviewAt = Tuesday.AddDays(300) }]);

        var run = await RunAsync(database, Tuesday);
        var rerun = await RunAsync(database, Tuesday.AddDays(1));

        // Gold gives 500 points on the birthday; silver its coupon, three days late still; 13 days late is too late.
        Assert.Equal((1, 1), (run.BirthdayPoints, run.BirthdayCoupons));
        Assert.Equal((0, 0), (rerun.BirthdayPoints, rerun.BirthdayCoupons));
        Assert.Equal(500, await Ledger.AssertBalanceIsTheLedgerAsync(database, goldToday, Tuesday));
        Assert.Equal(0, await Ledger.AssertBalanceIsTheLedgerAsync(database, goldLongAgo, Tuesday));
        Assert.Equal(0, await Ledger.AssertBalanceIsTheLedgerAsync(database, noTier, Tuesday));
        Assert.Equal(1, await CouponsAsync(database, gift, silverLastWeek));
        Assert.Equal(1, await CouponsAsync(database, gift));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Daily_jobs_are_due_once_a_local_day_and_each_run_is_recorded_with_its_failure(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        await using (var db = database.NewContext())
        {
            var jobs = Jobs(db, Tuesday);
            Assert.Equal(LoyaltyJobs.Daily, await jobs.DueAsync(Tuesday, zone, Ct));
            foreach (var job in LoyaltyJobs.Daily) Assert.True((await jobs.RunAsync(job, Tuesday, Ct)).Succeeded);
            // 23:59 the same day in Shanghai: nothing due; 00:00 the next day: all of them.
            Assert.Empty(await jobs.DueAsync(new DateTime(2026, 6, 2, 15, 59, 0, DateTimeKind.Utc), zone, Ct));
            Assert.Equal(LoyaltyJobs.Daily, await jobs.DueAsync(new DateTime(2026, 6, 2, 16, 0, 0, DateTimeKind.Utc), zone, Ct));
        }
        await SaveAsync(database, new LoyaltySettings { TimeZone = "Nowhere/Atlantis" });
        await using (var db = database.NewContext())
        {
            var failed = await Jobs(db, Tuesday.AddDays(1)).RunAsync(LoyaltyJobs.IssueTriggered, Tuesday.AddDays(1), Ct);
            Assert.False(failed.Succeeded);
            Assert.Contains("Nowhere/Atlantis", failed.Summary);
            var runs = await db.Set<LoyaltyJobRun>().OrderBy(r => r.StartedAt).ToListAsync(Ct);
            Assert.Equal(4, runs.Count);
            Assert.Equal("reviewed 0 members: 0 upgraded, 0 downgraded", runs.Single(r => r.Job == LoyaltyJobs.EvaluateTiers).Summary);
        }
    }

    static LoyaltyJobs Jobs(PatronDb db, DateTime at) => new(db, Ledger.Expire(db, at), new RemindExpiringPointsHandler(db), new EvaluateTiersHandler(db),
        Job(db, at), new FixedClock(at));
}

using Microsoft.EntityFrameworkCore;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

public sealed class OrderEarningTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_order_earns_pending_points_that_become_available_after_the_return_window_and_expire_at_the_end_of_next_year(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        // Fresh earns double, but milk (fresh) is excluded by its own rule.
        await SaveAsync(database, new EarnRule { Id = Ids.New(), Name = "生鲜双倍", CategoryId = shop.Catalog.CategoryId, MultiplierPercent = 200 },
            new EarnRule { Id = Ids.New(), Name = "牛奶不积分", ProductId = shop.Catalog.MilkId, MultiplierPercent = 0 });

        var order = await PlaceAsync(database, shop.Sale("T-1", Tuesday), Tuesday.AddHours(1));

        // 3870 × 2 + 3100 × 0 + 9900 × 1 = 17640 weighted fen, × 16000/16870 paid = 16730.3 fen → 167 points.
        var lot = Assert.Single(await LotsAsync(database, shop.CustomerId));
        Assert.Equal((167L, 167L), (lot.Points, lot.Remaining));
        Assert.Equal(Tuesday.AddDays(7), lot.AvailableFrom);
        // Usable up to the end of 2027 in Shanghai: 2028-01-01 00:00 +08:00.
        Assert.Equal(new DateTime(2027, 12, 31, 16, 0, 0, DateTimeKind.Utc), lot.ExpiresAt);
        await using (var db = database.NewContext())
        {
            var during = await Ledger.Balance(db, Tuesday.AddDays(7).AddSeconds(-1)).HandleAsync(shop.CustomerId, Ct);
            var after = await Ledger.Balance(db, Tuesday.AddDays(7)).HandleAsync(shop.CustomerId, Ct);
            Assert.Equal((0L, 167L), (during.Available, during.Pending));
            Assert.Equal((167L, 0L), (after.Available, after.Pending));
            Assert.Equal(16000, (await db.Set<OrderEarning>().SingleAsync(e => e.OrderId == order.Order.Id, Ct)).PaidAmount);
        }
        Assert.Equal(167, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, Tuesday));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_order_earns_once_whether_it_is_replayed_or_its_observer_is_called_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var order = await PlaceAsync(database, shop.Sale("T-1", Tuesday), Tuesday.AddHours(1));
        await using (var db = database.NewContext())
        {
            Assert.True((await Orders(db, Tuesday.AddHours(2)).HandleAsync(shop.Sale("T-1", Tuesday), Ct)).Ok().Replayed);
            await Observer(db, Tuesday.AddHours(3)).OrderPlacedAsync(order, Ct);
        }
        // No rules: 16000 fen paid → 160 points, once.
        Assert.Equal(160, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, Tuesday));
        Assert.Single(await LotsAsync(database, shop.CustomerId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tier_and_member_day_multipliers_apply_on_the_local_date_and_the_cap_per_order_holds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var gold = DefaultTiersHandler.Ladder().Single(t => t.Code == "gold");
        gold.Id = Ids.New();
        await SaveAsync(database, gold,
            new MemberTier { CustomerId = shop.CustomerId, TierId = gold.Id, Since = Tuesday.AddDays(-30), ReviewAt = Tuesday.AddDays(300) },
            new MemberDay { Id = Ids.New(), Name = "周三会员日", Weekday = DayOfWeek.Wednesday, MultiplierPercent = 200 },
            new LoyaltySettings { MaxPointsPerOrder = 400 },
            new EarnRule { Id = Ids.New(), Name = "生鲜双倍", CategoryId = shop.Catalog.CategoryId, MultiplierPercent = 200 },
            new EarnRule { Id = Ids.New(), Name = "牛奶不积分", ProductId = shop.Catalog.MilkId, MultiplierPercent = 0 });

        // Tuesday 10:00 in Shanghai: 16730.3 fen × 1.5 (gold) = 25095.4 → 250 points.
        await PlaceAsync(database, shop.Sale("T-1", Tuesday), Tuesday.AddHours(1));
        // Tuesday 17:00 UTC is Wednesday 01:00 in Shanghai, a member day: × 1.5 × 2 = 501, capped at 400.
        await PlaceAsync(database, shop.Sale("T-2", Tuesday.AddHours(15)), Tuesday.AddHours(16));

        Assert.Equal([250L, 400L], (await LotsAsync(database, shop.CustomerId)).Select(l => l.Points));
        Assert.Equal(650, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, Tuesday));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_anonymous_order_earns_nothing_and_writes_no_loyalty_rows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        await PlaceAsync(database, shop.Sale("T-1", Tuesday) with { CustomerId = null }, Tuesday.AddHours(1));
        await using var db = database.NewContext();
        Assert.Equal((0, 0), (await db.Set<OrderEarning>().CountAsync(Ct), await db.Set<PointsEntry>().CountAsync(Ct)));
    }
}

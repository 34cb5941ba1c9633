using Microsoft.EntityFrameworkCore;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Ledger;

namespace Patron.Tests.Loyalty;

public sealed class PendingAndExpiryTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pending_points_cannot_be_redeemed_until_the_return_window_closes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await NewCustomerAsync(database);
        var windowCloses = Now.AddDays(7);
        await using (var db = database.NewContext())
            (await Earn(db, Now).HandleAsync(new EarnPoints(customer, 100, "order-1", AvailableFrom: windowCloses, ExpiresAt: Now.AddYears(1)), Handlers.Clerk, Ct)).Ok();

        await using (var db = database.NewContext())
        {
            var balance = await Balance(db, Now).HandleAsync(customer, Ct);
            Assert.Equal((100L, 0L, 100L), (balance.Total, balance.Available, balance.Pending));
            var early = await Redeem(db, windowCloses.AddSeconds(-1)).HandleAsync(new RedeemPoints(customer, 10, "till-1"), Handlers.Clerk, Ct);
            Assert.Contains("points", early.Fields());
        }
        await AssertBalanceIsTheLedgerAsync(database, customer, Now);

        await using (var db = database.NewContext())
            (await Redeem(db, windowCloses).HandleAsync(new RedeemPoints(customer, 10, "till-2"), Handlers.Clerk, Ct)).Ok();
        await using (var db = database.NewContext())
        {
            var balance = await Balance(db, windowCloses).HandleAsync(customer, Ct);
            Assert.Equal((90L, 90L, 0L), (balance.Total, balance.Available, balance.Pending));
        }
        Assert.Equal(90, await AssertBalanceIsTheLedgerAsync(database, customer, windowCloses));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_lot_expiring_at_T_is_usable_before_T_and_expired_at_T(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await NewCustomerAsync(database);
        var expiry = Now.AddDays(30);
        await using (var db = database.NewContext())
            (await Earn(db, Now).HandleAsync(new EarnPoints(customer, 50, "order-1", ExpiresAt: expiry), Handlers.Clerk, Ct)).Ok();

        var justBefore = expiry.AddSeconds(-1);
        await using (var db = database.NewContext())
        {
            (await Redeem(db, justBefore).HandleAsync(new RedeemPoints(customer, 10, "till-1"), Handlers.Clerk, Ct)).Ok();
            var balance = await Balance(db, justBefore).HandleAsync(customer, Ct);
            Assert.Equal(40, balance.Available);
            Assert.Equal([new UpcomingExpiry(expiry, 40)], balance.Expiring);
        }
        await using (var db = database.NewContext())
        {
            var atExpiry = await Redeem(db, expiry).HandleAsync(new RedeemPoints(customer, 10, "till-2"), Handlers.Clerk, Ct);
            Assert.Contains("points", atExpiry.Fields());
            Assert.Equal(0, (await Balance(db, expiry).HandleAsync(customer, Ct)).Available);
        }

        // The job run just before expiry finds nothing; at expiry it writes one entry for what is left; again, nothing.
        await using (var db = database.NewContext())
            Assert.Equal(new PointsExpired(0, 0), await Expire(db, justBefore).HandleAsync(new ExpirePoints(justBefore), Ct));
        await using (var db = database.NewContext())
            Assert.Equal(new PointsExpired(1, 40), await Expire(db, expiry).HandleAsync(new ExpirePoints(expiry), Ct));
        await using (var db = database.NewContext())
            Assert.Equal(new PointsExpired(0, 0), await Expire(db, expiry).HandleAsync(new ExpirePoints(expiry), Ct));

        await using var check = database.NewContext();
        var ledger = await check.Set<PointsEntry>().AsNoTracking().OrderBy(e => e.CreatedAt).Select(e => new { e.Kind, e.Points }).ToListAsync(Ct);
        Assert.Equal([(PointsEntryKind.Earn, 50L), (PointsEntryKind.Redeem, -10L), (PointsEntryKind.Expire, -40L)], ledger.Select(e => (e.Kind, e.Points)));
        Assert.Equal(0, await AssertBalanceIsTheLedgerAsync(database, customer, expiry));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Expiry_writes_one_entry_per_lot_and_leaves_unexpired_lots_alone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await NewCustomerAsync(database);
        await using (var db = database.NewContext())
        {
            (await Earn(db, Now).HandleAsync(new EarnPoints(customer, 30, "order-1", ExpiresAt: Now.AddDays(1)), Handlers.Clerk, Ct)).Ok();
            (await Earn(db, Now).HandleAsync(new EarnPoints(customer, 20, "order-2", ExpiresAt: Now.AddDays(2)), Handlers.Clerk, Ct)).Ok();
            (await Earn(db, Now).HandleAsync(new EarnPoints(customer, 5, "order-3", ExpiresAt: Now.AddDays(9)), Handlers.Clerk, Ct)).Ok();
        }
        var asOf = Now.AddDays(3);
        await using (var db = database.NewContext())
            Assert.Equal(new PointsExpired(2, 50), await Expire(db, asOf).HandleAsync(new ExpirePoints(asOf), Ct));

        await using var check = database.NewContext();
        Assert.Equal(2, await check.Set<PointsEntry>().CountAsync(e => e.Kind == PointsEntryKind.Expire, Ct));
        Assert.Equal(5, await AssertBalanceIsTheLedgerAsync(database, customer, asOf));
    }
}

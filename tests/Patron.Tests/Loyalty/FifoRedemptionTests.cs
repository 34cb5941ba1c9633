using Microsoft.EntityFrameworkCore;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Ledger;

namespace Patron.Tests.Loyalty;

public sealed class FifoRedemptionTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static List<(Guid Lot, long Points)> Sorted(params (Guid Lot, long Points)[] takes) => takes.OrderBy(t => t.Lot).ToList();

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Redemptions_take_the_soonest_expiring_lots_first_then_the_earliest_earned(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await NewCustomerAsync(database);
        // Four lots, earned out of expiry order: D and B expire together, D was earned first; C never expires.
        var lots = new Dictionary<string, Guid>();
        foreach (var (name, points, earnedDaysAgo, expiresInDays) in new[] { ("A", 100L, 10, (int?)30), ("B", 50L, 5, 10), ("C", 70L, 20, null), ("D", 40L, 8, 10) })
        {
            await using var db = database.NewContext();
            var earned = (await Earn(db, Now.AddDays(-earnedDaysAgo)).HandleAsync(new EarnPoints(customer, points, $"order-{name}",
                ExpiresAt: expiresInDays is { } d ? Now.AddDays(d) : null), Handlers.Clerk, Ct)).Ok();
            lots[name] = earned.LotId;
        }

        PointsRedeemed first, second;
        await using (var db = database.NewContext())
            first = (await Redeem(db, Now).HandleAsync(new RedeemPoints(customer, 60, "till-1"), Handlers.Clerk, Ct)).Ok();
        await using (var db = database.NewContext())
            second = (await Redeem(db, Now).HandleAsync(new RedeemPoints(customer, 100, "till-2"), Handlers.Clerk, Ct)).Ok();

        // By hand: 60 = D 40 + B 20; 100 = B 30 + A 70; C is untouched. Left: A 30, B 0, C 70, D 0.
        await using var check = database.NewContext();
        var taken = await check.Set<PointsConsumption>().AsNoTracking().ToListAsync(Ct);
        Assert.Equal(Sorted((lots["D"], 40L), (lots["B"], 20L)), Takes(first.EntryId));
        Assert.Equal(Sorted((lots["B"], 30L), (lots["A"], 70L)), Takes(second.EntryId));
        var remaining = await check.Set<PointsLot>().AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Remaining, Ct);
        Assert.Equal((30L, 0L, 70L, 0L), (remaining[lots["A"]], remaining[lots["B"]], remaining[lots["C"]], remaining[lots["D"]]));
        var ledger = await check.Set<PointsEntry>().AsNoTracking().OrderBy(e => e.CreatedAt).ThenByDescending(e => e.Points)
            .Select(e => new { e.Kind, e.Points }).ToListAsync(Ct);
        Assert.Equal(new[] { 70L, 100L, 40L, 50L, -60L, -100L }, ledger.Select(e => e.Points));
        Assert.Equal(100, await AssertBalanceIsTheLedgerAsync(database, customer, Now));

        List<(Guid, long)> Takes(Guid entryId) => Sorted(taken.Where(t => t.EntryId == entryId).Select(t => (t.LotId, t.Points)).ToArray());
    }
}

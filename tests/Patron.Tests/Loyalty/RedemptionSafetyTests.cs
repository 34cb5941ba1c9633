using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Ledger;

namespace Patron.Tests.Loyalty;

public sealed class RedemptionSafetyTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<Guid> CustomerWithAsync(TestDatabase database, long points)
    {
        var customer = await NewCustomerAsync(database);
        await using var db = database.NewContext();
        (await Earn(db, Now.AddDays(-1)).HandleAsync(new EarnPoints(customer, points, "order-1", ExpiresAt: Now.AddYears(1)), Handlers.Clerk, Ct)).Ok();
        return customer;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Redeeming_more_points_than_the_balance_is_rejected_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await CustomerWithAsync(database, 100);
        var before = await WrittenAsync(database, customer);

        await using (var db = database.NewContext())
        {
            var result = await Redeem(db, Now).HandleAsync(new RedeemPoints(customer, 101, "till-1"), Handlers.Clerk, Ct);
            Assert.Equal(["points"], result.Fields());
            Assert.Contains("Only 100 points are available", result.Errors!.ToString());
        }

        Assert.Equal(before, await WrittenAsync(database, customer));
        Assert.Equal(100, await AssertBalanceIsTheLedgerAsync(database, customer, Now));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Replaying_a_redemption_with_the_same_key_returns_the_original_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await CustomerWithAsync(database, 100);
        PointsRedeemed first, replay;
        await using (var db = database.NewContext())
            first = (await Redeem(db, Now).HandleAsync(new RedeemPoints(customer, 30, "till-7"), Handlers.Clerk, Ct)).Ok();
        var after = await WrittenAsync(database, customer);

        // Even a replay that disagrees with the original (a till resending with a changed amount) gets the original.
        await using (var db = database.NewContext())
            replay = (await Redeem(db, Now.AddMinutes(1)).HandleAsync(new RedeemPoints(customer, 80, "till-7"), Handlers.Clerk, Ct)).Ok();

        Assert.False(first.Replayed);
        Assert.Equal(first with { Replayed = true }, replay);
        Assert.Equal(after, await WrittenAsync(database, customer));
        Assert.Equal(70, await AssertBalanceIsTheLedgerAsync(database, customer, Now));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Twenty_concurrent_redemptions_of_ten_against_a_hundred_make_exactly_ten_and_never_overdraw(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await CustomerWithAsync(database, 100);

        using var start = new ManualResetEventSlim();
        var tills = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            start.Wait(Ct);
            return await Redeem(db, Now).HandleAsync(new RedeemPoints(customer, 10, $"till-{i}"), Handlers.Clerk, Ct);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tills);

        Assert.Equal(10, results.Count(r => r.Value is not null));
        Assert.All(results.Where(r => r.Value is null), r => Assert.Equal(["points"], r.Fields()));
        Assert.Equal(0, await AssertBalanceIsTheLedgerAsync(database, customer, Now));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Concurrent_replays_of_one_redemption_spend_the_points_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await CustomerWithAsync(database, 100);

        using var start = new ManualResetEventSlim();
        var tills = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            start.Wait(Ct);
            return (await Redeem(db, Now).HandleAsync(new RedeemPoints(customer, 25, "till-1"), Handlers.Clerk, Ct)).Ok();
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tills);

        Assert.Single(results, r => !r.Replayed);
        Assert.Single(results.Select(r => r.EntryId).Distinct());
        Assert.Equal(75, await AssertBalanceIsTheLedgerAsync(database, customer, Now));
    }
}

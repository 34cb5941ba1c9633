using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Commerce;

public sealed class OrderIdempotencyTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly CreateOrder Sale = CreateOrderTests.Sale("POS-0001",
        new CreateOrderLine(Catalog.Apples, Quantity: 2, UnitPrice: 1290), new CreateOrderLine(Catalog.Milk, Quantity: 1, UnitPrice: 1550));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Replaying_an_order_returns_the_original_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext()) await Catalog.SeedAsync(db);

        CreatedOrder first, replay;
        await using (var db = database.NewContext()) first = (await Handlers.CreateOrder(db).HandleAsync(Sale, Ct)).Ok();
        // Even a replay that disagrees with the original (a corrected re-export) gets the original back, unchanged.
        await using (var db = database.NewContext()) replay = (await Handlers.CreateOrder(db).HandleAsync(Sale with { DiscountAmount = 100 }, Ct)).Ok();

        Assert.True(replay.Replayed);
        Assert.Equal(first.Order.Order, replay.Order.Order);
        Assert.Equal(first.Order.Lines, replay.Order.Lines);
        await using var check = database.NewContext();
        Assert.Equal((1, 2), (await check.Orders.CountAsync(Ct), await check.OrderLines.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ten_concurrent_identical_orders_make_one_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext()) await Catalog.SeedAsync(db);

        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            start.Wait(Ct);
            return (await Handlers.CreateOrder(db).HandleAsync(Sale, Ct)).Ok();
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(requests);

        Assert.Single(results, r => !r.Replayed);
        Assert.Single(results.Select(r => r.Order.Order.Id).Distinct());
        await using var check = database.NewContext();
        Assert.Equal((1, 2), (await check.Orders.CountAsync(Ct), await check.OrderLines.CountAsync(Ct)));
    }
}

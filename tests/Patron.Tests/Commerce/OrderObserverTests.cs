using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Commerce;

public sealed class OrderObserverTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed class Recorder : IOrderObserver
    {
        public List<OrderDetails> Seen { get; } = [];

        public Task OrderPlacedAsync(OrderDetails order, CancellationToken ct)
        {
            Seen.Add(order);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Observers_see_a_new_order_once_and_never_its_replay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await Catalog.SeedAsync(db);
        var recorder = new Recorder();
        var sale = CreateOrderTests.Sale("T-1", new CreateOrderLine(Catalog.Apples, Quantity: 2, UnitPrice: 1290));

        var first = (await Handlers.CreateOrder(db, recorder).HandleAsync(sale, Ct)).Ok();
        var replay = (await Handlers.CreateOrder(db, recorder).HandleAsync(sale, Ct)).Ok();
        var rejected = await Handlers.CreateOrder(db, recorder).HandleAsync(sale with { ExternalId = "T-2", Lines = [] }, Ct);

        Assert.True(replay.Replayed);
        Assert.NotNull(rejected.Errors);
        var seen = Assert.Single(recorder.Seen);
        Assert.Equal((first.Order.Order.Id, 2580L), (seen.Order.Id, seen.Order.PaidAmount));
    }
}

using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

/// <summary>The order outbox: an observer that fails after the commit neither fails the request nor loses the points.</summary>
public sealed class OrderOutboxTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The loyalty observer behind a fault: the first <c>failures</c> calls throw before reaching it.</summary>
    sealed class Flaky(IOrderObserver inner, int failures) : IOrderObserver
    {
        int left = failures;
        public int Calls { get; private set; }

        public Task OrderPlacedAsync(OrderDetails order, CancellationToken ct)
        {
            Calls++;
            return left-- > 0 ? throw new InvalidOperationException("The points service is down.") : inner.OrderPlacedAsync(order, ct);
        }

        public Task OrderRefundedAsync(OrderRefundNotice refund, CancellationToken ct)
        {
            Calls++;
            return left-- > 0 ? throw new InvalidOperationException("The points service is down.") : inner.OrderRefundedAsync(refund, ct);
        }
    }

    /// <summary>A second observer that only counts: it must hear of each order once, whatever the other one does.</summary>
    sealed class Counter : IOrderObserver
    {
        public int Placed { get; private set; }
        public int Refunded { get; private set; }
        public Task OrderPlacedAsync(OrderDetails order, CancellationToken ct) { Placed++; return Task.CompletedTask; }
        public Task OrderRefundedAsync(OrderRefundNotice refund, CancellationToken ct) { Refunded++; return Task.CompletedTask; }
    }

    static OrderNoticeDispatcher Dispatcher(PatronDb db, DateTime at, params IOrderObserver[] observers) => new(db, observers, new FixedClock(at));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_observer_that_throws_once_does_not_fail_the_order_and_the_points_arrive_on_the_retry_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var at = Tuesday.AddHours(1);
        var counter = new Counter();
        Flaky flaky;
        await using (var db = database.NewContext())
        {
            flaky = new Flaky(Observer(db, at), failures: 1);
            var created = await new CreateOrderHandler(db, new CustomerDirectory(db), new FixedClock(at), [flaky, counter])
                .HandleAsync(shop.Sale("T-1", Tuesday), Ct);
            Assert.False(created.Ok().Replayed);
        }
        Assert.Equal(0, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, at));
        await using (var db = database.NewContext())
        {
            var notices = await db.Set<OrderNotice>().AsNoTracking().OrderBy(n => n.Observer).ToListAsync(Ct);
            Assert.Equal(2, notices.Count);
            var failed = Assert.Single(notices, n => n.DeliveredAt is null);
            Assert.Equal((1, at.AddSeconds(30)), (failed.Attempts, failed.NextAttemptAt));
            Assert.Contains("points service is down", failed.LastError);
            // Not due yet: nothing happens.
            Assert.Equal(0, await Dispatcher(db, at.AddSeconds(29), flaky, counter).DispatchDueAsync(Ct));
        }

        await using (var db = database.NewContext())
        {
            var retrying = new Flaky(Observer(db, at.AddMinutes(1)), failures: 0);
            // The schedule's retry: the same observer type, now healthy. 16000 fen paid → 160 points.
            Assert.Equal(1, await Dispatcher(db, at.AddMinutes(1), retrying, counter).DispatchDueAsync(Ct));
            Assert.Equal(0, await Dispatcher(db, at.AddHours(2), retrying, counter).DispatchDueAsync(Ct));
            // A replay of the order writes nothing and calls no one.
            var replay = await new CreateOrderHandler(db, new CustomerDirectory(db), new FixedClock(at.AddHours(3)), [retrying, counter])
                .HandleAsync(shop.Sale("T-1", Tuesday), Ct);
            Assert.True(replay.Ok().Replayed);
            Assert.Equal(1, retrying.Calls);
            Assert.Empty(await db.Set<OrderNotice>().Where(n => n.DeliveredAt == null).ToListAsync(Ct));
        }
        Assert.Equal(160, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, at));
        Assert.Single(await LotsAsync(database, shop.CustomerId));
        Assert.Equal(1, counter.Placed);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_refund_whose_observer_throws_succeeds_and_its_points_are_reversed_on_the_retry_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var at = Tuesday.AddHours(1);
        var order = await PlaceAsync(database, shop.Sale("T-1", Tuesday), at);
        Assert.Equal(160, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, at));

        await using (var db = database.NewContext())
        {
            var flaky = new Flaky(Observer(db, at), failures: 2);
            var refunded = await new RefundOrderHandler(db, new FixedClock(at.AddHours(1)), [flaky]).HandleAsync(order.Order.Id, new RefundOrder("R-1", Amount: 4000), Ct);
            Assert.Equal((4000L, false), (refunded.Ok().Amount, refunded.Ok().Replayed));
            // The first retry fails too: backoff doubles to a minute after it.
            Assert.Equal(0, await Dispatcher(db, at.AddHours(1).AddSeconds(30), flaky).DispatchDueAsync(Ct));
            var notice = await db.Set<OrderNotice>().AsNoTracking().SingleAsync(n => n.Kind == OrderNoticeKind.Refunded, Ct);
            Assert.Equal((2, at.AddHours(1).AddSeconds(90)), (notice.Attempts, notice.NextAttemptAt));
        }
        Assert.Equal(160, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, at));
        await using (var db = database.NewContext())
        {
            var healthy = new Flaky(Observer(db, at.AddHours(2)), failures: 0);
            Assert.Equal(1, await Dispatcher(db, at.AddHours(2), healthy).DispatchDueAsync(Ct));
            Assert.Equal(0, await Dispatcher(db, at.AddHours(3), healthy).DispatchDueAsync(Ct));
        }
        // A quarter refunded: ⌊160 × 4000/16000⌋ = 40 points taken back, once.
        Assert.Equal(120, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, at));
    }

    [Fact]
    public void The_backoff_doubles_from_half_a_minute_and_stops_at_an_hour()
    {
        Assert.Equal([30.0, 60, 120, 240, 480, 960, 1920, 3600, 3600],
            Enumerable.Range(1, 9).Select(n => OrderNoticeDispatcher.Backoff(n).TotalSeconds));
    }
}

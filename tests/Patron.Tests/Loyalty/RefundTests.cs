using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

public sealed class RefundTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Refunds_reverse_the_earned_share_and_give_back_the_redeemed_share_and_a_full_refund_restores_the_coupon(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var at = Tuesday.AddHours(1);
        string code;
        await using (var db = database.NewContext())
        {
            // 100 points from before, usable until 2027.
            (await Ledger.Earn(db, Tuesday.AddDays(-30)).HandleAsync(new EarnPoints(shop.CustomerId, 100, "old", ExpiresAt: new DateTime(2027, 6, 1, 0, 0, 0, DateTimeKind.Utc)), Handlers.Clerk, Ct)).Ok();
            var template = (await Templates(db, at).HandleAsync(new CreateCouponTemplate("立减10元", CouponKind.AmountOff, AmountOff: 1000, ValidDays: 30), Handlers.Clerk, Ct)).Ok();
            code = (await Issue(db, at).HandleAsync(new IssueCoupon(template.Id, shop.CustomerId, "welcome"), Ct)).Ok().Code;
            // At the till: the coupon and 50 points on sale T-1.
            (await Till(db, at).HandleAsync(new CommitTill(shop.CustomerId, "till-1", shop.Cart, [code], 50, OrderExternalId: "T-1"), Handlers.Clerk, Ct)).Ok();
        }
        var order = await PlaceAsync(database, shop.Sale("T-1", Tuesday), at);
        // 100 − 50 redeemed + 160 earned (16000 fen paid, no rules).
        Assert.Equal(210, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, at));

        OrderRefunded first, replay, rest;
        await using (var db = database.NewContext())
        {
            // A quarter: ⌊160 × 4000/16000⌋ = 40 taken back, ⌊50 × 4000/16000⌋ = ⌊12.5⌋ = 12 given back → 182.
            first = (await Refunds(db, at.AddHours(1)).HandleAsync(order.Order.Id, new RefundOrder("R-1", Amount: 4000), Ct)).Ok();
            replay = (await Refunds(db, at.AddHours(2)).HandleAsync(order.Order.Id, new RefundOrder("R-1", Amount: 9999), Ct)).Ok();
        }
        Assert.Equal((4000L, OrderStatus.PartlyRefunded, false), (first.TotalRefunded, first.Status, first.Replayed));
        Assert.Equal(first with { Replayed = true }, replay);
        Assert.Equal(182, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, at));
        var lots = await LotsAsync(database, shop.CustomerId);
        // The old lot had 50 taken and 12 returned; the order's lot lost its 40.
        Assert.Equal([62L, 120L], lots.Select(l => l.Remaining));

        await using (var db = database.NewContext())
            rest = (await Refunds(db, at.AddHours(3)).HandleAsync(order.Order.Id, new RefundOrder("R-2"), Ct)).Ok();
        // The rest, 12000: 160 − 40 = 120 taken back, 50 − 12 = 38 given back → 100, where the customer started.
        Assert.Equal((12000L, 16000L, OrderStatus.Refunded), (rest.Amount, rest.TotalRefunded, rest.Status));
        Assert.Equal(100, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, at));
        Assert.Equal([100L, 0L], (await LotsAsync(database, shop.CustomerId)).Select(l => l.Remaining));
        await using (var db = database.NewContext())
        {
            var coupon = await db.Set<Coupon>().SingleAsync(c => c.Code == code, Ct);
            Assert.Equal((CouponStatus.Issued, (Guid?)null), (coupon.Status, coupon.CommitId));
            Assert.Equal(OrderStatus.Refunded, (await db.Orders.SingleAsync(o => o.Id == order.Order.Id, Ct)).Status);
            var reversals = await db.Set<PointsEntry>().Where(e => e.Kind == PointsEntryKind.Reverse).OrderBy(e => e.Points).Select(e => e.Points).ToListAsync(Ct);
            Assert.Equal([-120L, -40L, 12L, 38L], reversals);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_refund_notice_heard_twice_or_late_changes_nothing_more(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var order = await PlaceAsync(database, shop.Sale("T-1", Tuesday), Tuesday);
        var half = new OrderRefundNotice(Guid.NewGuid(), order.Order.Id, shop.CustomerId, order.Order.Source, "T-1", 8000, 8000, 16000, Tuesday);
        var all = half with { RefundId = Guid.NewGuid(), TotalRefunded = 16000 };
        await using (var db = database.NewContext())
        {
            await Observer(db, Tuesday).OrderRefundedAsync(half, Ct);
            await Observer(db, Tuesday).OrderRefundedAsync(half, Ct);
            Assert.Equal(80, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, Tuesday));
            // The full refund heard first, then the half one arriving late: the total decides, so nothing more is taken.
            await Observer(db, Tuesday).OrderRefundedAsync(all, Ct);
            await Observer(db, Tuesday).OrderRefundedAsync(half, Ct);
        }
        Assert.Equal(0, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, Tuesday));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Earned_points_already_spent_are_forgiven_rather_than_overdrawing_the_balance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var order = await PlaceAsync(database, shop.Sale("T-1", Tuesday), Tuesday);
        var later = Tuesday.AddDays(8);
        await using (var db = database.NewContext())
        {
            (await Ledger.Redeem(db, later).HandleAsync(new RedeemPoints(shop.CustomerId, 150, "spend"), Handlers.Clerk, Ct)).Ok();
            (await Refunds(db, later).HandleAsync(order.Order.Id, new RefundOrder("R-1"), Ct)).Ok();
            var reversal = await db.Set<PointsEntry>().SingleAsync(e => e.Kind == PointsEntryKind.Reverse, Ct);
            // 160 due back, 10 held: 10 taken, 150 forgiven.
            Assert.Equal(-10, reversal.Points);
            Assert.Contains("150 points already spent were forgiven", reversal.Reason);
        }
        Assert.Equal(0, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, later));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_line_refunds_its_share_of_what_was_paid_and_no_refund_exceeds_what_is_left(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var order = await PlaceAsync(database, shop.Sale("T-1", Tuesday), Tuesday);
        await using var db = database.NewContext();
        // Wine: 9900 × 16000 / 16870 = 9389.4 → 9389 fen.
        var wine = (await Refunds(db, Tuesday).HandleAsync(order.Order.Id, new RefundOrder("R-1", Lines: [new RefundOrderLine(3)]), Ct)).Ok();
        Assert.Equal(9389, wine.Amount);
        var tooMuch = await Refunds(db, Tuesday).HandleAsync(order.Order.Id, new RefundOrder("R-2", Amount: 16000 - 9389 + 1), Ct);
        Assert.Equal(["amount"], tooMuch.Fields());
        Assert.Contains("Only 6611 is left", tooMuch.Errors!.ToString());
        Assert.True((await Refunds(db, Tuesday).HandleAsync(Guid.NewGuid(), new RefundOrder("R-3"), Ct)).NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_refunds_racing_for_more_than_was_paid_let_only_one_through(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await OpenAsync(database);
        var order = await PlaceAsync(database, shop.Sale("T-1", Tuesday), Tuesday);
        using var start = new ManualResetEventSlim();
        var tills = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            start.Wait(Ct);
            return await Refunds(db, Tuesday).HandleAsync(order.Order.Id, new RefundOrder($"R-{i}", Amount: 10000), Ct);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tills);
        Assert.Single(results, r => r.Value is not null);
        await using var check = database.NewContext();
        Assert.Equal(10000, (await check.Orders.SingleAsync(o => o.Id == order.Order.Id, Ct)).RefundedAmount);
        Assert.Equal(1, await check.Set<OrderRefund>().CountAsync(Ct));
        // 160 − ⌊160 × 10000/16000⌋ = 60.
        Assert.Equal(60, await Ledger.AssertBalanceIsTheLedgerAsync(database, shop.CustomerId, Tuesday));
    }
}

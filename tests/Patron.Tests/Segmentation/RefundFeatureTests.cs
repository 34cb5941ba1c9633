using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Engine.Features;
using Patron.Platform;
using Patron.Segmentation;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Segmentation.SegmentationWorld;

namespace Patron.Tests.Segmentation;

/// <summary>Refunds reach the feature store through the order observer, without a reload.</summary>
public sealed class RefundFeatureTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task RefundAsync(SegmentationWorld world, string externalId, long? amount)
    {
        var order = await world.Db.Orders.AsNoTracking().SingleAsync(o => o.ExternalId == externalId, Ct);
        var handler = new RefundOrderHandler(world.Db, world.Clock, [new OrderFeatures(world.Engine, world.Signal)]);
        (await handler.HandleAsync(order.Id, new RefundOrder($"R-{externalId}-{amount}", amount), Ct)).Ok();
    }

    static Task<CustomerFeatures> FeaturesAsync(SegmentationEngine engine, Guid customer) =>
        engine.ReadAsync((store, _) => store.Get(customer)!, Ct);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_fully_refunded_order_stops_counting_and_the_last_purchase_moves_back(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        Assert.Equal((2, 4000L, (double?)2), await Key(world.Engine, world.Wang));

        // 王芳's 1-apple order two days ago (1000 fen) is refunded in full: one purchase of 3000 left, ten days ago.
        await RefundAsync(world, "W-2", amount: null);

        Assert.Equal((1, 3000L, (double?)10), await Key(world.Engine, world.Wang));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_partly_refunded_order_counts_at_paid_minus_refunded_and_matches_a_fresh_load(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);

        // Two partial refunds of the 3000-fen order: 500 then 700, so it counts at 1800; the 1000-fen order is untouched.
        await RefundAsync(world, "W-1", 500);
        await RefundAsync(world, "W-1", 700);

        Assert.Equal((2, 2800L, (double?)2), await Key(world.Engine, world.Wang));
        // Told of the second refund again (a reconciliation replaying notices): nothing moves.
        var order = await world.Db.Orders.AsNoTracking().SingleAsync(o => o.ExternalId == "W-1", Ct);
        await new OrderFeatures(world.Engine, world.Signal).OrderRefundedAsync(
            new OrderRefundNotice(Guid.NewGuid(), order.Id, world.Wang, SalesChannel.Pos, "W-1", 700, 1200, 3000, Now), Ct);
        Assert.Equal((2, 2800L, (double?)2), await Key(world.Engine, world.Wang));
        var fresh = new SegmentationEngine(new Contexts(world), new FixedClock(Now), Options.Create(new PatronOptions()),
            Options.Create(new SegmentationOptions()));
        Assert.Equal(await FeaturesAsync(fresh, world.Wang), await FeaturesAsync(world.Engine, world.Wang));
        // Nobody else moved.
        Assert.Equal((1, 1000L, (double?)100), await Key(world.Engine, world.Li));
    }

    static async Task<(int, long, double?)> Key(SegmentationEngine engine, Guid customer)
    {
        var f = await FeaturesAsync(engine, customer);
        return (f.Frequency, f.Monetary, f.RecencyDays);
    }

    sealed class Contexts(SegmentationWorld world) : IDbContextFactory<PatronDb>
    {
        public PatronDb CreateDbContext() => world.NewContext();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Engine.Features;
using Patron.Engine.Segments;
using Patron.Platform;
using Patron.Segmentation;
using Patron.Tests.Customers.Merging;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Segmentation;

/// <summary>Merges and unmerges reach the loaded feature store, with the real service wiring (every module's participant).</summary>
public sealed class MergeFeatureTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Frequency is never below 0, so this counts every live customer, buyers or not.
    static readonly SegmentRule Everyone = SegmentRuleJson.Parse("""{"field": "frequency", "op": "gte", "value": 0}""");

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_merge_sums_both_histories_on_the_survivor_and_an_unmerge_splits_them_again(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var now = DateTime.UtcNow;
        // The older record survives: 王芳 (two orders, 3000 + 1000 fen), absorbing 王 芳 (one order of 5000, 3 days ago).
        var older = await world.AddAsync("王芳", "+8613800138000", createdAt: now.AddDays(-90));
        var newer = await world.AddAsync("王 芳", "+8613800138000", createdAt: now.AddDays(-30));
        await OrdersAsync(world, older.Id, (now.AddDays(-20), 3000), (now.AddDays(-10), 1000));
        await OrdersAsync(world, newer.Id, (now.AddDays(-3), 5000));
        var engine = await world.With(sp => Task.FromResult(sp.GetRequiredService<SegmentationEngine>()));
        await engine.EnsureLoadedAsync(Ct);
        Assert.Equal((2, 4000L, 10.0), await KeyAsync(engine, older.Id));
        Assert.Equal((1, 5000L, 3.0), await KeyAsync(engine, newer.Id));
        Assert.Equal(2, (await engine.CountAsync(Everyone, 10, Ct)).Count);

        var merge = (await world.MergeAsync(older.Id, newer.Id)).Ok();
        Assert.Equal((older.Id, newer.Id), (merge.SurvivorId, merge.AbsorbedId));

        Assert.Equal((3, 9000L, 3.0), await KeyAsync(engine, older.Id));
        var (count, sample) = await engine.CountAsync(Everyone, 10, Ct);
        Assert.Equal((1, older.Id), (count, sample.Single()));
        // The funnel and the RFM grid count the live customers too: the absorbed record's empty slot is not a prospect.
        Assert.Equal(1, await engine.ReadAsync((store, s) => store.Lifecycle(s.Live).Stages.Sum(), Ct));
        Assert.Equal(2, await engine.ReadAsync((store, _) => store.Lifecycle().Stages.Sum(), Ct));
        // What a restart would load from the database now, once quintiles and tiers are re-cut as the periodic refresh does.
        await engine.RebaseAsync(Ct);
        Assert.Equal(await FeaturesAsync(await FreshAsync(world), older.Id), await FeaturesAsync(engine, older.Id));

        (await world.UnmergeAsync(merge.MergeId)).Ok();

        Assert.Equal((2, 4000L, 10.0), await KeyAsync(engine, older.Id));
        Assert.Equal((1, 5000L, 3.0), await KeyAsync(engine, newer.Id));
        Assert.Equal(2, (await engine.CountAsync(Everyone, 10, Ct)).Count);
        Assert.Equal(2, await engine.ReadAsync((store, s) => store.Lifecycle(s.Live).Stages.Sum(), Ct));
        var fresh = await FreshAsync(world);
        await engine.RebaseAsync(Ct);
        Assert.Equal(await FeaturesAsync(fresh, older.Id), await FeaturesAsync(engine, older.Id));
        Assert.Equal(await FeaturesAsync(fresh, newer.Id), await FeaturesAsync(engine, newer.Id));
    }

    static async Task OrdersAsync(MergingWorld world, Guid customer, params (DateTime At, long Paid)[] orders)
    {
        await using var db = world.Database.NewContext();
        db.Orders.AddRange(orders.Select(o => new Order
        {
            Id = Ids.New(), Source = SalesChannel.Pos, ExternalId = Guid.NewGuid().ToString("N"), CustomerId = customer, PlacedAt = o.At,
            Status = OrderStatus.Completed, GrossAmount = o.Paid, PaidAmount = o.Paid, CreatedAt = o.At,
        }));
        await db.SaveChangesAsync(Ct);
    }

    static async Task<SegmentationEngine> FreshAsync(MergingWorld world)
    {
        var engine = new SegmentationEngine(new Contexts(world.Database), TimeProvider.System, Options.Create(new PatronOptions()),
            Options.Create(new SegmentationOptions()));
        await engine.EnsureLoadedAsync(Ct);
        return engine;
    }

    static Task<CustomerFeatures> FeaturesAsync(SegmentationEngine engine, Guid customer) => engine.ReadAsync((store, _) => store.Get(customer)!, Ct);

    static async Task<(int, long, double?)> KeyAsync(SegmentationEngine engine, Guid customer)
    {
        var f = await FeaturesAsync(engine, customer);
        return (f.Frequency, f.Monetary, f.RecencyDays);
    }

    sealed class Contexts(TestDatabase database) : Microsoft.EntityFrameworkCore.IDbContextFactory<PatronDb>
    {
        public PatronDb CreateDbContext() => database.NewContext();
    }
}

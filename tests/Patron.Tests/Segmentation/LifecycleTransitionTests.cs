using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Engine.Lifecycle;
using Patron.Platform;
using Patron.Segmentation;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Segmentation.SegmentationWorld;

namespace Patron.Tests.Segmentation;

public sealed class LifecycleTransitionTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateTime MidApril = new(2026, 4, 15, 4, 0, 0, DateTimeKind.Utc);

    static GetLifecycleTransitionsHandler Handler(SegmentationWorld world, DateTime now, LifecycleTransitionsCache? cache = null) =>
        new(world.Db, new SalesHistory(world.Db), new FixedClock(now), Options.Create(new PatronOptions()), Options.Create(new SegmentationOptions()),
            cache ?? new LifecycleTransitionsCache(new FixedClock(now)));

    static async Task<Guid> SignUpAsync(SegmentationWorld world, string name, DateTime at) =>
        (await Handlers.CreateCustomer(world.Db).HandleAsync(new CreateCustomer(name, SignedUpAt: at), Handlers.Clerk, ct: Ct)).Ok().Id;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task March_compares_each_customer_at_the_end_of_February_and_of_March(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        await world.Db.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.SignedUpAt, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc)), Ct);
        // 孙丽 bought every 10 days in February: new on 28 Feb; on 31 Mar her last purchase is 38 days old, past 2 × her gap.
        var sun = await SignUpAsync(world, "孙丽", new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        foreach (var (day, id) in new[] { (1, "S-1"), (11, "S-2"), (21, "S-3") })
            await world.PlaceAsync(Sale(id, sun, new DateTime(2026, 2, day, 4, 0, 0, DateTimeKind.Utc), 1), Ct);
        // 周杰's only order was refunded in full: no purchase at either date.
        var zhou = await SignUpAsync(world, "周杰", new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        await world.PlaceAsync(Sale("Z-1", zhou, new DateTime(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc), 2), Ct);
        var refunded = await world.Db.Orders.AsNoTracking().SingleAsync(o => o.ExternalId == "Z-1", Ct);
        (await new RefundOrderHandler(world.Db, world.Clock, []).HandleAsync(refunded.Id, new RefundOrder("R-1"), Ct)).Ok();
        // 张伟 bought at 01:00 on 1 April in Shanghai (17:00 UTC on 31 March): April, so still a prospect at the end of March.
        await world.PlaceAsync(Sale("ZW-1", world.Zhang, new DateTime(2026, 3, 31, 17, 0, 0, DateTimeKind.Utc), 1), Ct);
        // 赵敏 signed up in March and never bought (a prospect); 钱多 signed up in April, after the month, and is left out.
        await SignUpAsync(world, "赵敏", new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc));
        await SignUpAsync(world, "钱多", new DateTime(2026, 4, 5, 0, 0, 0, DateTimeKind.Utc));

        var view = (await Handler(world, MidApril).HandleAsync(new GetLifecycleTransitions(), Ct)).Ok();

        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31)), (view.Month, view.From, view.To));
        Assert.Equal(12, view.Months.Count);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2025, 4, 1)), (view.Months[0], view.Months[^1]));
        var expected = Matrix(
            (LifecycleState.Prospect, LifecycleState.Prospect, 3), // 张伟, 周杰, 赵敏
            (LifecycleState.Prospect, LifecycleState.New, 1),      // 王芳: 21 and 29 March
            (LifecycleState.Active, LifecycleState.Dormant, 1),    // 李雷: 21 Dec, 69 then 100 days before
            (LifecycleState.New, LifecycleState.Dormant, 1));      // 孙丽
        Assert.Equal(expected, view.Counts);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_earlier_month_is_judged_at_its_own_month_ends_and_a_month_not_yet_over_is_rejected(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        await world.Db.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.SignedUpAt, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc)), Ct);

        // December 2025: 李雷 bought on 21 December, so he was a prospect on 30 November and new on 31 December.
        var december = (await Handler(world, MidApril).HandleAsync(new GetLifecycleTransitions(new DateOnly(2025, 12, 1)), Ct)).Ok();
        var april = await Handler(world, MidApril).HandleAsync(new GetLifecycleTransitions(new DateOnly(2026, 4, 1)), Ct);

        Assert.Equal(Matrix((LifecycleState.Prospect, LifecycleState.Prospect, 2), (LifecycleState.Prospect, LifecycleState.New, 1)), december.Counts);
        Assert.Equal(["month"], april.Fields());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_month_is_read_once_then_served_from_the_cache_until_a_late_order_or_a_refund(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        await world.Db.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.SignedUpAt, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc)), Ct);
        var cache = new LifecycleTransitionsCache(new FixedClock(MidApril));
        var march = new GetLifecycleTransitions(new DateOnly(2026, 3, 1));
        var observer = new OrderFeatures(world.Engine, world.Signal, cache);
        async Task<int[][]> Read() => (await Handler(world, MidApril, cache).HandleAsync(march, Ct)).Ok().Counts;

        var first = await Read();
        var again = await Read();
        Assert.Equal((1, first), (cache.Misses, again));

        // An order placed today is after March's end: March stays cached.
        var today = Sale("T-1", world.Zhang, MidApril, 1);
        await new CreateOrderHandler(world.Db, new Patron.Customers.Contracts.CustomerDirectory(world.Db), world.Clock, [observer]).HandleAsync(today, Ct);
        await Read();
        Assert.Equal(1, cache.Misses);

        // A till that was offline in March sends 张伟's purchase late: March is read again and he is new at its end.
        var late = Sale("L-9", world.Zhang, new DateTime(2026, 3, 20, 4, 0, 0, DateTimeKind.Utc), 1);
        await new CreateOrderHandler(world.Db, new Patron.Customers.Contracts.CustomerDirectory(world.Db), world.Clock, [observer]).HandleAsync(late, Ct);
        var after = await Read();
        Assert.Equal(2, cache.Misses);
        Assert.Equal(first[(int)LifecycleState.Prospect][(int)LifecycleState.New] + 1, after[(int)LifecycleState.Prospect][(int)LifecycleState.New]);

        await observer.OrderRefundedAsync(new OrderRefundNotice(Guid.NewGuid(), Guid.NewGuid(), null, Patron.Customers.Contracts.SalesChannel.Pos, "L-9", 100, 100, 100, MidApril), Ct);
        await Read();
        Assert.Equal(3, cache.Misses);
    }

    static int[][] Matrix(params (LifecycleState From, LifecycleState To, int Count)[] cells)
    {
        var size = LifecycleNames.States.Count;
        var m = Enumerable.Range(0, size).Select(_ => new int[size]).ToArray();
        foreach (var (from, to, count) in cells) m[(int)from][(int)to] = count;
        return m;
    }
}

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

    static GetLifecycleTransitionsHandler Handler(SegmentationWorld world, DateTime now) =>
        new(world.Db, new SalesHistory(world.Db), new FixedClock(now), Options.Create(new PatronOptions()), Options.Create(new SegmentationOptions()));

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

    static int[][] Matrix(params (LifecycleState From, LifecycleState To, int Count)[] cells)
    {
        var size = LifecycleNames.States.Count;
        var m = Enumerable.Range(0, size).Select(_ => new int[size]).ToArray();
        foreach (var (from, to, count) in cells) m[(int)from][(int)to] = count;
        return m;
    }
}

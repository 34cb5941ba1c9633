using Microsoft.Extensions.Options;
using Patron.Analytics.Trends;
using Patron.Commerce.Contracts;
using Patron.Platform;
using Patron.Segmentation;
using Patron.Segmentation.Contracts;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Segmentation.SegmentationWorld;

namespace Patron.Tests.Segmentation;

public sealed class SegmentRetentionTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Retention_follows_the_segments_current_members_month_by_month(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        // 王芳 also bought on 19 February, so she is active going into March and buys again in it (21 and 29 March).
        await world.PlaceAsync(Sale("W-0", world.Wang, Now.AddDays(-40), 1), Ct);
        var shanghai = (await world.Create().HandleAsync(new CreateSegment("上海客户", Rule("""{"field": "city", "op": "in", "value": ["上海"]}""")),
            Handlers.Clerk, Ct)).Ok();
        await world.Refresh().HandleAsync(Ct);

        var handler = new GetSegmentRetentionHandler(new SegmentRoster(world.Db), new SalesHistory(world.Db), new FixedClock(Now),
            Options.Create(new PatronOptions()));
        var months = await handler.HandleAsync(new GetSegmentRetention(shanghai.Id, Months: 2), Ct);

        // 李雷 (杭州) is not a member, so his purchase 100 days ago counts nowhere; 张伟 never bought.
        Assert.Equal([(new DateOnly(2026, 2, 1), 0, 0, 0), (new DateOnly(2026, 3, 1), 1, 1, 0)],
            months.Select(m => (m.Month, m.Active, m.Repurchased, m.Churned)));
    }
}

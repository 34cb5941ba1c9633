using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Segmentation.SegmentationWorld;

namespace Patron.Tests.Segmentation;

public sealed class AutoTagTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<List<string>> TagsOf(SegmentationWorld world, Guid customer)
    {
        await using var db = world.NewContext();
        return (await db.Customers.SingleAsync(c => c.Id == customer, Ct)).Tags;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_rule_tags_the_customers_who_match_and_untags_them_when_they_stop(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        // 王芳 bought 2 days ago, 李雷 100 days ago, 张伟 never.
        var rule = (await world.SaveAutoTag().HandleAsync(null,
            new SaveAutoTagRule("近期活跃", "活跃", Rule("""{"field": "recency_days", "op": "lte", "value": 30}""")), Handlers.Clerk, Ct)).Ok();

        var first = await world.RefreshAutoTags().HandleAsync(Ct);

        Assert.Equal((1, 1, 0), (first.Rules, first.Tagged, first.Untagged));
        Assert.Equal(["vip", "活跃"], await TagsOf(world, world.Wang));
        Assert.Empty(await TagsOf(world, world.Li));

        (await world.SaveAutoTag().HandleAsync(rule.Id,
            new SaveAutoTagRule("近期活跃", "活跃", Rule("""{"field": "recency_days", "op": "lte", "value": 1}""")), Handlers.Clerk, Ct)).Ok();
        var second = await world.RefreshAutoTags().HandleAsync(Ct);

        Assert.Equal((0, 1), (second.Tagged, second.Untagged));
        Assert.Equal(["vip"], await TagsOf(world, world.Wang));
        var history = await world.Db.AutoTagAssignments.AsNoTracking().ToListAsync(Ct);
        var stretch = Assert.Single(history);
        Assert.Equal((world.Wang, true, true), (stretch.CustomerId, stretch.TagAdded, stretch.TagRemoved));
        Assert.True(stretch.EndedAt > stretch.MatchedAt);
        var audited = await world.Db.AuditEntries.AsNoTracking().Where(a => a.Subject == "auto-tag rule").Select(a => a.ActorKind).ToListAsync(Ct);
        Assert.Equal([ActorKind.User, ActorKind.User, ActorKind.System, ActorKind.System], audited.Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_tag_the_customer_already_had_is_not_taken_off_when_the_rule_stops_matching(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        var rule = (await world.SaveAutoTag().HandleAsync(null,
            new SaveAutoTagRule("上海客户", "vip", Rule("""{"field": "city", "op": "in", "value": ["上海"]}""")), Handlers.Clerk, Ct)).Ok();
        await world.RefreshAutoTags().HandleAsync(Ct);
        Assert.Equal(["vip"], await TagsOf(world, world.Wang));    // had it by hand
        Assert.Equal(["vip"], await TagsOf(world, world.Zhang));   // got it from the rule

        (await world.SaveAutoTag().HandleAsync(rule.Id, new SaveAutoTagRule("上海客户", "vip", Rule("""{"field": "city", "op": "in", "value": ["上海"]}"""),
            Enabled: false), Handlers.Clerk, Ct)).Ok();
        var off = await world.RefreshAutoTags().HandleAsync(Ct);

        Assert.Equal(1, off.Untagged);
        Assert.Equal(["vip"], await TagsOf(world, world.Wang));
        Assert.Empty(await TagsOf(world, world.Zhang));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Renaming_the_tag_moves_it_and_deleting_the_rule_takes_it_off(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        var buyers = Rule("""{"field": "frequency", "op": "gte", "value": 1}""");
        var rule = (await world.SaveAutoTag().HandleAsync(null, new SaveAutoTagRule("买过", "顾客", buyers), Handlers.Clerk, Ct)).Ok();
        await world.RefreshAutoTags().HandleAsync(Ct);
        Assert.Equal(["顾客"], await TagsOf(world, world.Li));

        (await world.SaveAutoTag().HandleAsync(rule.Id, new SaveAutoTagRule("买过", "老顾客", buyers), Handlers.Clerk, Ct)).Ok();
        await world.RefreshAutoTags().HandleAsync(Ct);
        Assert.Equal(["老顾客"], await TagsOf(world, world.Li));
        Assert.Equal(["vip", "老顾客"], await TagsOf(world, world.Wang));

        Assert.True(await world.DeleteAutoTag().HandleAsync(rule.Id, Handlers.Clerk, Ct));
        Assert.Empty(await TagsOf(world, world.Li));
        Assert.Equal(["vip"], await TagsOf(world, world.Wang));
        Assert.Empty(await world.Db.AutoTagRules.ToListAsync(Ct));
        Assert.False(await world.DeleteAutoTag().HandleAsync(rule.Id, Handlers.Clerk, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_rule_without_a_tag_or_with_a_bad_condition_is_rejected(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);

        var result = await world.SaveAutoTag().HandleAsync(null,
            new SaveAutoTagRule("坏规则", " ", Rule("""{"field": "spend", "op": "gte", "value": 1}""")), Handlers.Clerk, Ct);

        Assert.Equal(["rule.field", "tag"], result.Fields().Order());
        Assert.Empty(await world.Db.AutoTagRules.ToListAsync(Ct));
    }
}

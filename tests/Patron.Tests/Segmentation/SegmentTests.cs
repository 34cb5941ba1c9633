using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Segmentation.SegmentationWorld;

namespace Patron.Tests.Segmentation;

public sealed class SegmentTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_rule_with_mistakes_is_rejected_with_each_problem_at_its_path(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);

        var result = await world.Create().HandleAsync(new CreateSegment(" ", Rule("""
            {"all": [{"field": "spend", "op": "gte", "value": 1}, {"field": "monetary", "op": "gte", "value": "abc"}]}
            """)), Handlers.Clerk, Ct);

        Assert.Equal(["name", "rule.all[0].field", "rule.all[1].value"], result.Fields().Order());
        Assert.Contains("消费金额", result.Errors!.ToDictionary()["rule.all[1].value"][0]);
        Assert.Empty(await world.Db.Segments.ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_second_segment_with_the_same_name_is_rejected(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        var rule = Rule("""{"field": "frequency", "op": "gte", "value": 1}""");
        (await world.Create().HandleAsync(new CreateSegment("回头客", rule), Handlers.Clerk, Ct)).Ok();

        var again = await world.Create().HandleAsync(new CreateSegment("回头客", rule), Handlers.Clerk, Ct);

        Assert.Equal(["name"], again.Fields());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_preview_counts_an_unsaved_rule_and_names_its_first_members(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);

        var shanghai = (await world.Preview().HandleAsync(new PreviewSegment(Rule("""{"field": "city", "op": "in", "value": ["上海"]}""")), Ct)).Ok();
        var buyers = (await world.Preview().HandleAsync(new PreviewSegment(Rule("""
            {"all": [{"field": "city", "op": "in", "value": ["上海"]}, {"field": "last_purchase", "op": "within_last_days", "value": 30}]}
            """)), Ct)).Ok();
        // 李雷's cancelled order five days ago is no purchase: his last one was 100 days ago.
        var recent = (await world.Preview().HandleAsync(new PreviewSegment(Rule("""{"field": "recency_days", "op": "lte", "value": 30}""")), Ct)).Ok();

        Assert.Equal(2, shanghai.Count);
        Assert.Equal((1, "王芳"), (buyers.Count, Assert.Single(buyers.Sample).Name));
        Assert.Equal([world.Wang], recent.Sample.Select(m => m.CustomerId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Refreshes_materialise_members_and_keep_who_entered_and_left(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        var segment = (await world.Create().HandleAsync(new CreateSegment("复购客户", Rule("""{"field": "frequency", "op": "gte", "value": 2}""")),
            Handlers.Clerk, Ct)).Ok();
        var everyone = (await world.Create().HandleAsync(new CreateSegment("全部客户", Rule("""{"field": "frequency", "op": "gte", "value": 0}""")),
            Handlers.Clerk, Ct)).Ok();
        await world.Refresh().HandleAsync(Ct);
        Assert.Equal([world.Wang], await CurrentAsync(world, segment.Id));
        // Every segment of one refresh keeps its size, not only the first one saved.
        Assert.Equal(3, (await world.Db.Segments.SingleAsync(s => s.Id == everyone.Id, Ct)).MemberCount);

        // 李雷's second purchase arrives through the order observer: no reload, and the next refresh lets him in — once, even
        // when two refreshes run at the same moment.
        await world.PlaceAsync(Sale("L-3", world.Li, Now.AddDays(-1), 2), Ct);
        await using var other = world.NewContext();
        var outcomes = await Task.WhenAll(world.Refresh().HandleAsync(Ct), new RefreshMembershipsHandler(other, world.Engine, world.Clock).HandleAsync(Ct));
        Assert.Equal((1, 0), (outcomes.Sum(o => o.Entered), outcomes.Sum(o => o.Left)));
        Assert.Equal(new[] { world.Li, world.Wang }.Order(), (await CurrentAsync(world, segment.Id)).Order());

        (await world.Update().HandleAsync(segment.Id, new UpdateSegment("复购客户", Rule("""{"field": "frequency", "op": "gte", "value": 3}""")),
            Handlers.Clerk, Ct)).Ok();
        await world.Refresh().HandleAsync(Ct);

        Assert.Empty(await CurrentAsync(world, segment.Id));
        var history = await world.Db.SegmentMemberships.Where(m => m.SegmentId == segment.Id).ToListAsync(Ct);
        Assert.Equal(2, history.Count);
        Assert.All(history, m => Assert.True(m.LeftAt > m.EnteredAt));
        var sizes = await new GetSegmentHandler(world.Db).SizesAsync(segment.Id, ct: Ct);
        Assert.Equal([1, 2, 0], sizes.Select(s => s.Members));
        Assert.Equal(0, (await world.Db.Segments.SingleAsync(s => s.Id == segment.Id, Ct)).MemberCount);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_customer_signed_up_after_loading_is_picked_up_by_the_next_sync(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        var rule = new PreviewSegment(Rule("""{"field": "city", "op": "in", "value": ["杭州"]}"""));
        Assert.Equal(1, (await world.Preview().HandleAsync(rule, Ct)).Ok().Count);

        await Handlers.CreateCustomer(world.Db).HandleAsync(new Patron.Customers.CreateCustomer("韩梅梅", City: "杭州"), Handlers.Clerk, ct: Ct);
        await world.Engine.SyncCustomersAsync(Ct);

        Assert.Equal(2, (await world.Preview().HandleAsync(rule, Ct)).Ok().Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exporting_members_writes_csv_and_records_the_export(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        var segment = (await world.Create().HandleAsync(new CreateSegment("上海客户", Rule("""{"field": "city", "op": "in", "value": ["上海"]}""")),
            Handlers.Clerk, Ct)).Ok();
        await world.Refresh().HandleAsync(Ct);
        var csv = new StringWriter();

        Assert.True(await world.Export().HandleAsync(segment.Id, Handlers.Clerk, csv, Ct));

        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,name,entered_at", lines[0].TrimEnd());
        Assert.Equal(["张伟", "王芳"], lines[1..].Select(l => l.Split(',')[1]).Order());
        var audit = await world.Db.AuditEntries.Where(a => a.Action == AuditAction.Export).SingleAsync(Ct);
        Assert.Equal(("segment-members", "上海客户 (2 customers)"), (audit.Subject, audit.Detail));
        var page = (await world.Members().HandleAsync(segment.Id, 0, 1, Ct))!;
        Assert.Equal((2, 1), (page.Total, page.Items.Count));
    }

    static async Task<List<Guid>> CurrentAsync(SegmentationWorld world, Guid segment) =>
        await world.Db.SegmentMemberships.Where(m => m.SegmentId == segment && m.LeftAt == null).Select(m => m.CustomerId).ToListAsync(Ct);
}

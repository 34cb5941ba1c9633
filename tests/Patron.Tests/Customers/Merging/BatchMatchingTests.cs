using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Customers.Merging;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers.Merging;

public sealed class BatchMatchingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Wang Fang twice (same name, birthday and address, two mobiles: a sure match), Li Lei twice (same name and
    /// birthday, nothing else to compare, two mobiles: likely, for a person to decide), and two different Zhang Weis.
    /// </summary>
    static async Task<(Customer Fang, Customer Fang2, Customer Lei, Customer Lei2, Customer Wei, Customer Wei2)> SeedAsync(MergingWorld world) =>
        (await world.AddAsync("王芳", "+8613800138000", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", Gender.Female, DateTime.UtcNow.AddDays(-300)),
         await world.AddAsync("王 芳", "+8613911112222", new DateOnly(1990, 5, 1), "上海浦东新区张杨路500号", Gender.Female, DateTime.UtcNow.AddDays(-20)),
         await world.AddAsync("李雷", "+8613700001111", new DateOnly(1985, 3, 2), gender: Gender.Male),
         await world.AddAsync("李雷", "+8615800002222", new DateOnly(1985, 3, 2), gender: Gender.Male),
         await world.AddAsync("张伟", "+8613600003333", new DateOnly(1970, 1, 9), "北京市海淀区中关村大街1号"),
         await world.AddAsync("张伟", "+8618600004444", new DateOnly(1999, 12, 30), "广州市天河区体育西路3号"));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_batch_merges_sure_pairs_queues_likely_ones_with_their_contributions_and_records_the_run(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var (fang, fang2, lei, lei2, wei, wei2) = await SeedAsync(world);

        var report = await world.RunAsync();

        Assert.Equal((6, 1, 1, 0), (report.Customers, report.Merged, report.Queued, report.Refused));
        await using var db = world.Database.NewContext();
        var absorbed = await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == fang2.Id, Ct);
        Assert.Equal(fang.Id, absorbed.MergedIntoId);
        Assert.Equal([fang.Id, lei.Id, lei2.Id, wei.Id, wei2.Id], (await db.Customers.Select(c => c.Id).ToListAsync(Ct)).Order());
        var pending = await db.Set<MatchCandidate>().SingleAsync(c => c.Status == CandidateStatus.Pending, Ct);
        Assert.Equal(MatchCandidate.Ordered(lei.Id, lei2.Id), (pending.FirstId, pending.SecondId));
        var contributions = JsonSerializer.Deserialize<Dictionary<string, double>>(pending.Contributions)!;
        Assert.Equal((7, 7, -4), (contributions["name"], contributions["birthday"], contributions["mobile"]));
        Assert.Equal(contributions.Values.Sum(), pending.Score, 6);
        var run = await db.Set<MatchRun>().SingleAsync(Ct);
        Assert.Equal((6, 1, 1, false), (run.Customers, run.Merged, run.Queued, run.Incremental));
        Assert.True(run.PairsCompared >= 2, $"{run.PairsCompared} pairs compared");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_rerun_finds_nothing_new_and_a_rejected_pair_stays_rejected(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var (_, _, lei, lei2, _, _) = await SeedAsync(world);
        await world.RunAsync();
        var before = await world.SnapshotAsync();

        var second = await world.RunAsync();
        Assert.Equal((0, 0), (second.Merged, second.Queued));
        Assert.Equal(before, await world.SnapshotAsync());

        var queue = await world.Handler<ListReviewQueueHandler, Page<ReviewItem>>(h => h.HandleAsync(new ListReviewQueue(), Ct));
        var item = Assert.Single(queue.Items);
        Assert.Equal([lei.Id, lei2.Id], new[] { item.First.Id, item.Second.Id }.Order());
        (await world.Handler<DecideCandidateHandler, WriteResult<CandidateDecided>>(h => h.HandleAsync(new DecideCandidate(item.CandidateId, Accept: false), MergingWorld.Reviewer, Ct))).Ok();

        var third = await world.RunAsync();
        Assert.Equal((0, 0), (third.Merged, third.Queued));
        await using var db = world.Database.NewContext();
        Assert.Equal(CandidateStatus.Rejected, (await db.Set<MatchCandidate>().SingleAsync(c => c.Id == item.CandidateId, Ct)).Status);
        Assert.Empty((await world.Handler<ListReviewQueueHandler, Page<ReviewItem>>(h => h.HandleAsync(new ListReviewQueue(), Ct))).Items);
        Assert.Equal(2, await db.Customers.CountAsync(c => c.Name == "李雷", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_dry_run_reports_the_merges_and_writes_nothing(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var (fang, fang2, _, _, _, _) = await SeedAsync(world);
        var before = await world.SnapshotAsync();

        var report = await world.RunAsync(dryRun: true);

        var merge = Assert.Single(report.MergedPairs);
        Assert.Equal([fang.Id, fang2.Id], new[] { merge.A, merge.B }.Order());
        Assert.Equal((1, (Guid?)null), (report.Queued, report.RunId));
        Assert.Equal(before, await world.SnapshotAsync());
        await using var db = world.Database.NewContext();
        Assert.False(await db.Set<MatchCandidate>().AnyAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Accepting_a_queued_pair_merges_it(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var (_, _, lei, lei2, _, _) = await SeedAsync(world);
        await world.RunAsync();
        var item = (await world.Handler<ListReviewQueueHandler, Page<ReviewItem>>(h => h.HandleAsync(new ListReviewQueue(), Ct))).Items.Single();

        var decided = (await world.Handler<DecideCandidateHandler, WriteResult<CandidateDecided>>(h => h.HandleAsync(new DecideCandidate(item.CandidateId, Accept: true), MergingWorld.Reviewer, Ct))).Ok();

        Assert.Equal(CandidateStatus.Merged, decided.Status);
        await using var db = world.Database.NewContext();
        var merge = await db.Set<CustomerMerge>().SingleAsync(m => m.Id == decided.MergeId, Ct);
        Assert.Equal((MergeTrigger.Review, "reviewer@patron.test"), (merge.Trigger, merge.MergedBy));
        Assert.Equal(1, await db.Customers.CountAsync(c => c.Id == lei.Id || c.Id == lei2.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_run_marks_the_customers_it_compared_and_the_passes_after_it_match_only_those_written_since(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        await SeedAsync(world);

        await world.RunAsync();
        await using var db = world.Database.NewContext();
        var unmarked = await db.Customers.IgnoreQueryFilters().CountAsync(c => c.MatchedAt == null, Ct);
        var pass = await world.Handler<MatchNewCustomersPassHandler, PassReport>(h => h.HandleAsync(Ct));
        // Written after the run, back-dated as an import stamps its rows: the next pass takes it.
        await world.AddAsync("韩梅梅", "+8613900001111", createdAt: DateTime.UtcNow.AddDays(-400));
        var next = await world.Handler<MatchNewCustomersPassHandler, PassReport>(h => h.HandleAsync(Ct));

        Assert.Equal(0, unmarked);
        Assert.Equal((0, false), (pass.Customers, pass.Started));
        Assert.Equal(1, next.Customers);
    }
}

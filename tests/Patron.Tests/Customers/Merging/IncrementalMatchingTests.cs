using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Customers.Merging;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers.Merging;

public sealed class IncrementalMatchingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    Task<PassReport> PassAsync(MergingWorld world) => world.Handler<MatchNewCustomersPassHandler, PassReport>(h => h.HandleAsync(Ct));

    Task<CustomerDetails> CreateAsync(MergingWorld world, CreateCustomer request) =>
        world.With(async sp => (await Handlers.CreateCustomer(sp.GetRequiredService<PatronDb>()).HandleAsync(request, Handlers.Clerk, ct: Ct)).Ok());

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_customer_is_merged_or_queued_against_the_existing_ones_by_the_next_pass(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var fang = await world.AddAsync("王芳", "+8613800138000", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", Gender.Female);
        var lei = await world.AddAsync("李雷", "+8613700001111", new DateOnly(1985, 3, 2), gender: Gender.Male);
        await world.RunAsync();

        var fang2 = await CreateAsync(world, new CreateCustomer("王芳", Gender.Female, new DateOnly(1990, 5, 1), "15012345678", Address: "上海市浦东新区张杨路500号"));
        var lei2 = await CreateAsync(world, new CreateCustomer("李雷", Gender.Male, new DateOnly(1985, 3, 2), "15800002222"));
        var pass = await PassAsync(world);

        Assert.Equal((2, 1, 1), (pass.Customers, pass.Merged, pass.Queued));
        await using var db = world.Database.NewContext();
        Assert.Equal(fang.Id, (await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == fang2.Id, Ct)).MergedIntoId);
        var pending = await db.Set<MatchCandidate>().SingleAsync(c => c.Status == CandidateStatus.Pending, Ct);
        Assert.Equal(MatchCandidate.Ordered(lei.Id, lei2.Id), (pending.FirstId, pending.SecondId));
        Assert.Equal(0, (await PassAsync(world)).Customers);
        Assert.True(await db.Set<MatchRun>().AnyAsync(r => r.Incremental && r.Customers == 2, Ct));
    }

    /// <summary>A pass taking batches of a few customers instead of 2,000.</summary>
    static Task<PassReport> PassAsync(MergingWorld world, int batchSize) => world.With(sp =>
        new MatchNewCustomersPassHandler(sp.GetRequiredService<PatronDb>(), sp.GetRequiredService<MatchNewCustomersHandler>(), TimeProvider.System)
        { BatchSize = batchSize }.HandleAsync(Ct));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Before_any_batch_run_the_first_pass_starts_matching_from_now_on_and_leaves_existing_customers_to_the_batch(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var fang = await world.AddAsync("王芳", "+8613800138000", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", Gender.Female);
        var lei = await world.AddAsync("李雷", "+8613700001111", new DateOnly(1985, 3, 2), gender: Gender.Male, createdAt: DateTime.UtcNow.AddDays(-20));
        await world.AddAsync("李雷", "+8615800002222", new DateOnly(1985, 3, 2), gender: Gender.Male, createdAt: DateTime.UtcNow.AddDays(-10));

        var first = await PassAsync(world);
        var fang2 = await CreateAsync(world, new CreateCustomer("王芳", Gender.Female, new DateOnly(1990, 5, 1), "15900001111", Address: "上海市浦东新区张杨路500号"));
        var next = await PassAsync(world);

        // The two existing 李雷 wait for a batch run; the new 王芳 is matched on the next pass, and only she.
        Assert.Equal(0, first.Customers);
        Assert.NotNull(first.CoveredUntil);
        Assert.Equal((1, 1, 0), (next.Customers, next.Merged, next.Queued));
        await using var db = world.Database.NewContext();
        Assert.Equal(fang.Id, (await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == fang2.Id, Ct)).MergedIntoId);
        Assert.Equal(0, await db.Set<MatchCandidate>().CountAsync(c => c.FirstId == lei.Id || c.SecondId == lei.Id, Ct));
        Assert.Equal((1, 0), ((await world.RunAsync()).Queued, (await PassAsync(world)).Customers));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Customers_created_at_the_same_instant_are_never_split_between_passes(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        await PassAsync(world);
        // An import writes its customers with one creation time.
        var at = DateTime.UtcNow.AddSeconds(1);
        foreach (var (name, mobile) in new[] { ("甲", "+8613800000001"), ("乙", "+8613800000002"), ("丙", "+8613800000003"), ("丁", "+8613800000004") })
            await world.AddAsync(name, mobile, createdAt: at);
        await world.AddAsync("戊", "+8613800000005", createdAt: at.AddSeconds(1));

        var first = await PassAsync(world, batchSize: 2);
        var second = await PassAsync(world, batchSize: 2);
        var third = await PassAsync(world, batchSize: 2);

        Assert.Equal((4, 1, 0), (first.Customers, second.Customers, third.Customers));
    }
}

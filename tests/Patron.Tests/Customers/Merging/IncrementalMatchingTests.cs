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
        Assert.Equal((0, (DateTime?)null), ((await PassAsync(world)).Customers, (await PassAsync(world)).CoveredUntil)); // no baseline yet
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
}

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

    /// <summary>Writes customers the way an import batch does: bulk, in one transaction, all with the batch's time.</summary>
    Task<ResolvedCustomer[]> ImportAsync(MergingWorld world, DateTime batchTime, params ImportedCustomer[] rows) => world.With(async sp =>
    {
        var db = sp.GetRequiredService<PatronDb>();
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        var resolved = await new CustomerImportWriter(db).ResolveAsync(rows, "import", batchTime, Ct);
        await tx.CommitAsync(Ct);
        return resolved;
    });

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_customer_committed_after_a_pass_that_covered_a_later_creation_time_is_still_matched(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var fang = await world.AddAsync("王芳", "+8613800138000", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", Gender.Female);
        await PassAsync(world);
        // A long import batch starts and stamps its customers with its start time; meanwhile a customer created through
        // the API commits first, with a later time, and a pass matches her.
        var batchTime = DateTime.UtcNow.AddSeconds(-30);
        await CreateAsync(world, new CreateCustomer("李雷", Gender.Male, new DateOnly(1985, 3, 2), "15800002222"));
        Assert.Equal(1, (await PassAsync(world)).Customers);

        var imported = await ImportAsync(world, batchTime,
            new ImportedCustomer("王芳", Gender.Female, new DateOnly(1990, 5, 1), "+8615012345678", Address: "上海市浦东新区张杨路500号"));
        var pass = await PassAsync(world);

        Assert.Equal((1, 1), (pass.Customers, pass.Merged));
        await using var db = world.Database.NewContext();
        Assert.Equal(fang.Id, (await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == imported[0].Id, Ct)).MergedIntoId);
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
        Assert.Equal((0, true), (first.Customers, first.Started));
        Assert.Equal((1, 1, 0), (next.Customers, next.Merged, next.Queued));
        await using var db = world.Database.NewContext();
        Assert.Equal(fang.Id, (await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == fang2.Id, Ct)).MergedIntoId);
        Assert.Equal(0, await db.Set<MatchCandidate>().CountAsync(c => c.FirstId == lei.Id || c.SecondId == lei.Id, Ct));
        Assert.Equal((1, 0), ((await world.RunAsync()).Queued, (await PassAsync(world)).Customers));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_pass_takes_at_most_its_batch_oldest_first_and_the_next_pass_goes_on_with_the_rest(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        await PassAsync(world);
        // An import writes its customers with one creation time; an older one commits after them.
        var at = DateTime.UtcNow.AddSeconds(1);
        var batch = new List<Customer>();
        foreach (var (name, mobile) in new[] { ("甲", "+8613800000001"), ("乙", "+8613800000002"), ("丙", "+8613800000003") })
            batch.Add(await world.AddAsync(name, mobile, createdAt: at));
        var older = await world.AddAsync("丁", "+8613800000004", createdAt: at.AddDays(-1));

        var first = await PassAsync(world, batchSize: 2);
        await using var db = world.Database.NewContext();
        var marked = await db.Customers.Where(c => c.MatchedAt != null).Select(c => c.Id).ToListAsync(Ct);
        var second = await PassAsync(world, batchSize: 2);
        var third = await PassAsync(world, batchSize: 2);

        Assert.Equal(new[] { older.Id, batch[0].Id }.Order(), marked.Order());
        Assert.Equal((2, 2, 0), (first.Customers, second.Customers, third.Customers));
        Assert.Equal(0, await db.Customers.CountAsync(c => c.MatchedAt == null, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_merged_away_customer_is_not_matched_and_an_undone_automatic_merge_is_not_redone_by_the_next_pass(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var fang = await world.AddAsync("王芳", "+8613800138000", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", Gender.Female);
        var lei = await world.AddAsync("李雷", "+8613700001111", new DateOnly(1985, 3, 2), gender: Gender.Male);
        await PassAsync(world);
        var fang2 = await CreateAsync(world, new CreateCustomer("王芳", Gender.Female, new DateOnly(1990, 5, 1), "15012345678", Address: "上海市浦东新区张杨路500号"));
        var lei2 = await CreateAsync(world, new CreateCustomer("李雷", Gender.Male, new DateOnly(1985, 3, 2), "15800002222"));
        // A person merges the new 李雷 before any pass reached him.
        (await world.MergeAsync(lei.Id, lei2.Id)).Ok();

        var pass = await PassAsync(world);
        await using var db = world.Database.NewContext();
        var merge = await db.Set<CustomerMerge>().SingleAsync(m => m.AbsorbedId == fang2.Id, Ct);
        (await world.UnmergeAsync(merge.Id)).Ok();
        var again = await PassAsync(world);
        var rerun = await world.RunAsync();

        // The restored 王芳 is new to matching again (as she was before the merge), but her pair is decided: no merge.
        Assert.Equal((1, 1, 0), (pass.Customers, pass.Merged, pass.Queued));
        Assert.Equal((1, 0, 0), (again.Customers, again.Merged, again.Queued));
        Assert.Equal((0, 0), (rerun.Merged, rerun.Queued));
        Assert.Null((await db.Customers.SingleAsync(c => c.Id == fang2.Id, Ct)).MergedIntoId);
        var pair = await db.Set<MatchCandidate>().SingleAsync(c => c.MergeId == merge.Id, Ct);
        Assert.Equal((MatchCandidate.Ordered(fang.Id, fang2.Id), CandidateStatus.Rejected), ((pair.FirstId, pair.SecondId), pair.Status));
        Assert.Equal(0, await db.Customers.IgnoreQueryFilters().CountAsync(c => c.MatchedAt == null, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Undoing_a_merge_recorded_before_the_marker_existed_leaves_the_restored_customer_covered(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var lei = await world.AddAsync("李雷", "+8613700001111", new DateOnly(1985, 3, 2), gender: Gender.Male);
        var lei2 = await world.AddAsync("李雷", "+8615800002222", new DateOnly(1985, 3, 2), gender: Gender.Male);
        var merged = (await world.MergeAsync(lei.Id, lei2.Id)).Ok();
        await using var db = world.Database.NewContext();
        var merge = await db.Set<CustomerMerge>().SingleAsync(m => m.Id == merged.MergeId, Ct);
        var before = System.Text.Json.Nodes.JsonNode.Parse(merge.AbsorbedBefore)!.AsObject();
        Assert.True(before.Remove("matchedAt"));
        merge.AbsorbedBefore = before.ToJsonString();
        await db.SaveChangesAsync(Ct);

        (await world.UnmergeAsync(merge.Id)).Ok();

        await using var after = world.Database.NewContext();
        var restored = await after.Customers.SingleAsync(c => c.Id == lei2.Id, Ct);
        Assert.NotNull(restored.MatchedAt);
        Assert.Null((await after.Customers.SingleAsync(c => c.Id == lei.Id, Ct)).MatchedAt);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Imported_customers_come_out_unmarked_without_the_bulk_insert_writing_the_marker(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        await PassAsync(world);

        var imported = await ImportAsync(world, DateTime.UtcNow, new ImportedCustomer("韩梅梅", Mobile: "+8613900001111"), new ImportedCustomer("李雷", Mobile: "+8613900002222"));

        await using var db = world.Database.NewContext();
        Assert.DoesNotContain("matched_at", Patron.Platform.Bulk.BulkTable.For<Customer>(db).Columns.Select(c => c.Name));
        var ids = imported.Select(r => r.Id).ToList();
        Assert.Equal(2, await db.Customers.CountAsync(c => ids.Contains(c.Id) && c.MatchedAt == null, Ct));
        Assert.Equal(2, (await PassAsync(world)).Customers);
        Assert.Equal(0, await db.Customers.CountAsync(c => c.MatchedAt == null, Ct));
    }
}

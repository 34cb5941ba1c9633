using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Customers.Merging;
using Patron.Platform;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class DuplicatesApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<Customer[]> SeedAsync(ApiFactory app)
    {
        Customer New(string name, string mobile, DateOnly birthday, string? address, int daysAgo) => new()
        {
            Id = Ids.New(), Name = name, Mobile = mobile, Birthday = birthday, Address = address, SignUpChannel = SignUpChannel.Store,
            SignedUpAt = DateTime.UtcNow.AddDays(-daysAgo), CreatedAt = DateTime.UtcNow.AddDays(-daysAgo), UpdatedAt = DateTime.UtcNow.AddDays(-daysAgo),
        };
        Customer[] customers =
        [
            New("王芳", "+8613800138000", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", 300),
            New("王芳", "+8615012345678", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", 20),
            New("李雷", "+8613700001111", new DateOnly(1985, 3, 2), null, 200),
            New("李雷", "+8615800002222", new DateOnly(1985, 3, 2), null, 10),
        ];
        await using var db = app.Database.NewContext();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(Ct);
        return customers;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_run_merges_and_queues_the_queue_shows_both_records_and_a_rejection_sticks(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var c = await SeedAsync(app);
        using var client = await app.ClientAsync(Permissions.CustomersView, Permissions.CustomersEdit);

        var dry = await (await client.PostAsync("/api/v1/customers/matching-runs?dryRun=true", null, Ct)).ReadAsync<MatchRunReport>();
        var run = await (await client.PostAsync("/api/v1/customers/matching-runs", null, Ct)).ReadAsync<MatchRunReport>();
        var queue = await client.GetFromJsonAsync<Page<ReviewItem>>("/api/v1/customers/duplicates", ApiFactory.Json, Ct);

        Assert.Equal((1, 1, null), (dry.Merged, dry.Queued, dry.RunId));
        Assert.Equal((4, 1, 1), (run.Customers, run.Merged, run.Queued));
        var item = Assert.Single(queue!.Items);
        Assert.Equal(["李雷", "李雷"], new[] { item.First.Name, item.Second.Name });
        Assert.Equal("137****1111", new[] { item.First, item.Second }.Single(x => x.Id == c[2].Id).Mobile);
        Assert.Equal(7, item.Contributions["birthday"]);

        var rejected = await (await client.PostAsync($"/api/v1/customers/duplicates/{item.CandidateId}/reject", null, Ct)).ReadAsync<CandidateDecided>();
        var again = await client.PostAsync($"/api/v1/customers/duplicates/{item.CandidateId}/accept", null, Ct);
        var rerun = await (await client.PostAsync("/api/v1/customers/matching-runs", null, Ct)).ReadAsync<MatchRunReport>();

        Assert.Equal(CandidateStatus.Rejected, rejected.Status);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal((0, 0), (rerun.Merged, rerun.Queued));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/customers/duplicates/{Guid.NewGuid()}/accept", null, Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_customers_are_merged_by_id_listed_in_the_history_and_unmerged(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var c = await SeedAsync(app);
        using var client = await app.ClientAsync(Permissions.CustomersView, Permissions.CustomersEdit);

        var merged = await (await client.PostJsonAsync("/api/v1/customers/merges", new MergeCustomers(c[3].Id, c[2].Id))).ReadAsync<MergeDone>();
        var gone = await client.GetAsync($"/api/v1/customers/{c[3].Id}", Ct);
        var history = await client.GetFromJsonAsync<List<MergeView>>($"/api/v1/customers/{c[2].Id}/merges", ApiFactory.Json, Ct);
        var undone = await client.PostAsync($"/api/v1/customers/merges/{merged.MergeId}/undo", null, Ct);
        var twice = await client.PostAsync($"/api/v1/customers/merges/{merged.MergeId}/undo", null, Ct);
        var back = await client.GetAsync($"/api/v1/customers/{c[3].Id}", Ct);
        var after = await client.GetFromJsonAsync<List<MergeView>>($"/api/v1/customers/{c[2].Id}/merges", ApiFactory.Json, Ct);

        Assert.Equal((c[2].Id, c[3].Id), (merged.SurvivorId, merged.AbsorbedId));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var entry = Assert.Single(history!);
        Assert.Equal((merged.MergeId, "李雷", MergeTrigger.Manual, (DateTime?)null), (entry.MergeId, entry.AbsorbedName, entry.Trigger, entry.UnmergedAt));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK), (undone.StatusCode, twice.StatusCode, back.StatusCode));
        Assert.NotNull(Assert.Single(after!).UnmergedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync("/api/v1/customers/merges", new MergeCustomers(c[0].Id, Guid.NewGuid()))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reading_the_queue_needs_view_and_changing_anything_needs_edit(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var c = await SeedAsync(app);
        using var viewer = await app.ClientAsync(Permissions.CustomersView);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/customers/duplicates", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/customers/matching-runs", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync("/api/v1/customers/merges", new MergeCustomers(c[0].Id, c[1].Id))).StatusCode);
        await using var db = app.Database.NewContext();
        Assert.Equal(4, await db.Customers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Customers_there_at_start_up_wait_for_a_run_and_one_written_later_is_matched_by_the_hosted_pass(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var c = await SeedAsync(app);
        using var client = await app.ClientAsync(Permissions.CustomersView);   // starts the host
        await using var db = app.Database.NewContext();
        var coveredAtStart = await db.Customers.CountAsync(x => x.MatchedAt != null, Ct);
        // Written after start-up and back-dated, the way an import batch stamps its rows with its start time.
        var at = DateTime.UtcNow.AddDays(-100);
        var late = new Customer
        {
            Id = Ids.New(), Name = "李雷", Mobile = "+8618600003333", Birthday = new DateOnly(1985, 3, 2), SignUpChannel = SignUpChannel.Import,
            SignedUpAt = at, CreatedAt = at, UpdatedAt = at,
        };
        db.Customers.Add(late);
        await db.SaveChangesAsync(Ct);
        DateTime? matched = null;
        for (var i = 0; i < 120 && matched is null; i++)
        {
            await Task.Delay(250, Ct);
            matched = await db.Customers.AsNoTracking().Where(x => x.Id == late.Id).Select(x => x.MatchedAt).SingleAsync(Ct);
        }
        var queue = await client.GetFromJsonAsync<Page<ReviewItem>>("/api/v1/customers/duplicates", ApiFactory.Json, Ct);

        Assert.Equal(c.Length, coveredAtStart);
        Assert.NotNull(matched);
        // The late 李雷 is queued against both earlier ones; their own pair, and the 王芳 pair, wait for a batch run.
        Assert.Equal(2, queue!.Items.Count);
        Assert.All(queue.Items, item => Assert.Contains(late.Id, new[] { item.First.Id, item.Second.Id }));
        Assert.Equal(5, await db.Customers.CountAsync(Ct));
    }
}

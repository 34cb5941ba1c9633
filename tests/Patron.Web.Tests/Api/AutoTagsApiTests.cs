using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patron.Platform;
using Patron.Platform.Security;
using Patron.Segmentation;
using Patron.Segmentation.Contracts;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class AutoTagsApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_auto_tag_rule_is_created_refreshed_read_with_its_history_renamed_and_deleted(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync([.. Permissions.All]);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/orders", OrdersApiTests.Sale("POS-1", seed) with { CustomerMemberCardNo = "88000001" })).StatusCode);
        await app.Services.GetRequiredService<SegmentationEngine>().SyncCustomersAsync(Ct);
        var buyers = JsonNode.Parse("""{"field": "frequency", "op": "gte", "value": 1}""");

        var created = await client.PostJsonAsync("/api/v1/segments/auto-tags", new SaveAutoTagRule("买过的顾客", "已购", buyers));
        var rule = await created.ReadAsync<AutoTagRuleView>();
        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<RefreshAutoTagsHandler>().HandleAsync(Ct);
        var listed = await client.GetFromJsonAsync<List<AutoTagRuleView>>("/api/v1/segments/auto-tags", ApiFactory.Json, Ct);
        var history = await client.GetFromJsonAsync<List<AutoTagHistoryEntry>>($"/api/v1/segments/auto-tags/{rule.Id}/history", ApiFactory.Json, Ct);
        var invalid = await (await client.PostJsonAsync("/api/v1/segments/auto-tags", new SaveAutoTagRule("买过的顾客", "", buyers))).ErrorsAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("已购", 1), (Assert.Single(listed!).Tag, listed![0].MemberCount));
        Assert.Equal((seed.Customer.Id, true), (Assert.Single(history!).CustomerId, history![0].TagAdded));
        Assert.Equal(["name", "tag"], invalid.Keys.Order());
        await using (var db = app.Database.NewContext())
            Assert.Contains("已购", (await db.Customers.SingleAsync(c => c.Id == seed.Customer.Id, Ct)).Tags);

        var renamed = await client.PutAsJsonAsync($"/api/v1/segments/auto-tags/{rule.Id}", new SaveAutoTagRule("买过的顾客", "老顾客", buyers), ApiFactory.Json, Ct);
        Assert.Equal("老顾客", (await renamed.ReadAsync<AutoTagRuleView>()).Tag);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/segments/auto-tags/{rule.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/segments/auto-tags/{rule.Id}", Ct)).StatusCode);
        await using (var db = app.Database.NewContext())
            Assert.DoesNotContain("已购", (await db.Customers.SingleAsync(c => c.Id == seed.Customer.Id, Ct)).Tags);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_transition_matrix_is_served_for_a_month_and_a_malformed_month_is_a_400(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        using var analyst = await app.ClientAsync(Permissions.SegmentsView);
        using var stranger = await app.ClientAsync(Permissions.CustomersView);

        var latest = await analyst.GetFromJsonAsync<LifecycleTransitionsView>("/api/v1/segments/lifecycle/transitions", ApiFactory.Json, Ct);
        var month = latest!.Months[^1];
        var earliest = await analyst.GetFromJsonAsync<LifecycleTransitionsView>(
            $"/api/v1/segments/lifecycle/transitions?month={month:yyyy-MM}", ApiFactory.Json, Ct);
        var malformed = await (await analyst.GetAsync("/api/v1/segments/lifecycle/transitions?month=2026-13", Ct)).ErrorsAsync();
        var tooRecent = await (await analyst.GetAsync($"/api/v1/segments/lifecycle/transitions?month={DateTime.UtcNow.AddMonths(1):yyyy-MM}", Ct)).ErrorsAsync();

        Assert.Equal((5, 5), (latest.Counts.Length, latest.Counts[0].Length));
        Assert.Equal(month, earliest!.Month);
        Assert.Equal(["month"], malformed.Keys);
        Assert.Equal(["month"], tooRecent.Keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/v1/segments/lifecycle/transitions", Ct)).StatusCode);
    }
}

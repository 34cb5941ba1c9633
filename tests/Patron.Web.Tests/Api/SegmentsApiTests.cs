using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Platform.Security;
using Patron.Segmentation;
using Patron.Segmentation.Contracts;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class SegmentsApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly JsonNode FemaleBuyers = JsonNode.Parse("""
        {"all": [{"field": "frequency", "op": "gte", "value": 1}, {"field": "gender", "op": "in", "value": ["female"]}]}
        """)!;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_segment_is_previewed_saved_refreshed_listed_and_exported(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync([.. Permissions.All]);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/orders", OrdersApiTests.Sale("POS-1", seed) with { CustomerMemberCardNo = "88000001" })).StatusCode);
        // The seed's customer was written after start-up: the feature store learns of it at the next customer sync.
        await app.Services.GetRequiredService<SegmentationEngine>().SyncCustomersAsync(Ct);

        var preview = await (await client.PostJsonAsync("/api/v1/segments/preview", new PreviewSegment(FemaleBuyers))).ReadAsync<SegmentPreview>();
        var created = await client.PostJsonAsync("/api/v1/segments", new CreateSegment("女性顾客", FemaleBuyers));
        var segment = await created.ReadAsync<SegmentView>();
        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<RefreshMembershipsHandler>().HandleAsync(Ct);
        var members = await client.GetFromJsonAsync<Page<SegmentMember>>($"/api/v1/segments/{segment.Id}/members", ApiFactory.Json, Ct);
        var export = await client.GetAsync($"/api/v1/segments/{segment.Id}/export", Ct);
        var csv = await export.Content.ReadAsStringAsync(Ct);

        Assert.Equal((1, "王芳"), (preview.Count, Assert.Single(preview.Sample).Name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(seed.Customer.Id, Assert.Single(members!.Items).CustomerId);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("customer_id,name,entered_at", csv.TrimStart('\uFEFF'));
        Assert.Contains($"{seed.Customer.Id},王芳,", csv);
        await using var db = app.Database.NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export && a.Subject == "segment-members", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_invalid_rule_answers_400_with_the_path_and_export_needs_its_own_permission(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        using var marketer = await app.ClientAsync(Permissions.SegmentsView, Permissions.SegmentsEdit);

        var errors = await (await marketer.PostJsonAsync("/api/v1/segments",
            new CreateSegment("坏规则", JsonNode.Parse("""{"any": [{"field": "monetary", "op": "has", "value": 1}]}""")))).ErrorsAsync();
        var segment = await (await marketer.PostJsonAsync("/api/v1/segments", new CreateSegment("全部", FemaleBuyers))).ReadAsync<SegmentView>();
        var export = await marketer.GetAsync($"/api/v1/segments/{segment.Id}/export", Ct);
        var missing = await marketer.GetAsync($"/api/v1/segments/{Guid.NewGuid()}", Ct);

        Assert.Equal(["rule.any[0].op"], errors.Keys);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (export.StatusCode, missing.StatusCode));
    }
}

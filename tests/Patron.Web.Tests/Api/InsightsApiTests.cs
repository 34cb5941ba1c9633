using System.Net;
using System.Net.Http.Json;
using Patron.Analytics.Basket;
using Patron.Platform;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class InsightsApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_key_with_insights_reads_rules_recommendations_and_bought_together(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        BasketShop shop;
        await using (var db = app.Database.NewContext()) shop = await BasketShop.SeedAsync(db);
        using var client = await app.ClientAsync(Permissions.InsightsView);

        var rules = await client.GetFromJsonAsync<BasketRules>("/api/v1/insights/rules?minSupport=0.3&minConfidence=0.5", ApiFactory.Json, Ct);
        var picks = await client.GetFromJsonAsync<List<Recommendation>>($"/api/v1/customers/{shop.Chen}/recommendations", ApiFactory.Json, Ct);
        var together = await client.GetFromJsonAsync<List<BoughtTogetherItem>>($"/api/v1/products/{shop.Milk}/bought-together", ApiFactory.Json, Ct);
        var outlook = await client.GetAsync($"/api/v1/customers/{shop.Chen}/outlook", Ct);
        var invalid = await client.GetAsync("/api/v1/insights/rules?minSupport=2", Ct);

        Assert.Equal((9, 2), (rules!.Baskets, rules.Rules.Count));
        Assert.Equal([shop.Bread, shop.Eggs], picks!.Select(p => p.ProductId));
        Assert.Equal(shop.Bread, together![0].ProductId);
        Assert.Equal(HttpStatusCode.NotFound, outlook.StatusCode);   // no refresh has run
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_key_without_insights_is_refused(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        using var client = await app.ClientAsync(Permissions.CustomersView);

        var response = await client.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/recommendations", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

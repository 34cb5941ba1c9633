using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class CustomersApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_api_key_lists_and_searches_customers_with_masked_mobiles(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.CustomersView);

        var all = await client.GetFromJsonAsync<Page<CustomerSummary>>("/api/v1/customers", ApiFactory.Json, Ct);
        var byTail = await client.GetFromJsonAsync<Page<CustomerSummary>>("/api/v1/customers?search=8000", ApiFactory.Json, Ct);
        var byName = await client.GetFromJsonAsync<Page<CustomerSummary>>("/api/v1/customers?search=%E7%8E%8B&sort=Name&desc=false", ApiFactory.Json, Ct);
        // Asking to reveal without customers.reveal still gets masked mobiles.
        var asked = await client.GetFromJsonAsync<Page<CustomerSummary>>("/api/v1/customers?search=13800138000&reveal=true", ApiFactory.Json, Ct);

        Assert.Equal(1, all!.Total);
        Assert.Equal(seed.Customer.Id, Assert.Single(byTail!.Items).Id);
        Assert.Equal("王芳", Assert.Single(byName!.Items).Name);
        Assert.Equal("138****8000", Assert.Single(asked!.Items).Mobile);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_key_with_reveal_sees_whole_mobiles_only_when_it_asks_and_the_reveal_is_audited(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.CustomersView, Permissions.CustomersReveal);

        var masked = await client.GetFromJsonAsync<CustomerProfile>($"/api/v1/customers/{seed.Customer.Id}", ApiFactory.Json, Ct);
        var revealed = await client.GetFromJsonAsync<CustomerProfile>($"/api/v1/customers/{seed.Customer.Id}?reveal=true", ApiFactory.Json, Ct);
        var list = await client.GetFromJsonAsync<Page<CustomerSummary>>("/api/v1/customers?reveal=true", ApiFactory.Json, Ct);

        Assert.Equal(("138****8000", ApiSeed.Mobile, ApiSeed.Mobile), (masked!.Customer.Mobile, revealed!.Customer.Mobile, list!.Items[0].Mobile));
        await using var db = app.Database.NewContext();
        var reads = await db.AuditEntries.Where(a => a.ActorKind == ActorKind.ApiKey && a.Action != AuditAction.Create).ToListAsync(Ct);
        Assert.Equal(["customer-list/Reveal", "customer/Reveal", "customer/View"], reads.Select(a => $"{a.Subject}/{a.Action}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Creating_an_invalid_customer_answers_400_per_field_and_writes_nothing(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.CustomersEdit);

        var errors = await (await client.PostJsonAsync("/api/v1/customers",
            new CreateCustomer("", Mobile: "010-65529988", Email: "nope", MemberCardNo: "88000001"))).ErrorsAsync();

        Assert.Equal(["email", "memberCardNo", "mobile", "name"], errors.Keys.Order());
        Assert.Contains("Another customer", errors["memberCardNo"][0]);
        await using var db = app.Database.NewContext();
        Assert.Equal(1, await db.Customers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_customer_is_updated_and_their_orders_listed(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.CustomersView, Permissions.CustomersEdit, Permissions.OrdersView, Permissions.OrdersCreate);
        var id = seed.Customer.Id;

        var put = await client.PutAsJsonAsync($"/api/v1/customers/{id}",
            new UpdateCustomer("王芳", Gender.Female, Mobile: "13900001111", City: "杭州"), ApiFactory.Json, Ct);
        var order = await client.PostJsonAsync("/api/v1/orders", OrdersApiTests.Sale("T-1", seed) with { CustomerMobile = "139 0000 1111" });
        var orders = await client.GetFromJsonAsync<Page<OrderSummary>>($"/api/v1/customers/{id}/orders", ApiFactory.Json, Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var updated = await put.ReadAsync<CustomerDetails>();
        Assert.Equal(("139****1111", "杭州"), (updated.Mobile, updated.City));
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        Assert.Equal(id, Assert.Single(orders!.Items).CustomerId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unknown_customer_is_a_404_problem(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        using var client = await app.ClientAsync(Permissions.CustomersView, Permissions.CustomersEdit, Permissions.OrdersView);
        var id = Guid.NewGuid();

        foreach (var response in new[]
        {
            await client.GetAsync($"/api/v1/customers/{id}", Ct),
            await client.GetAsync($"/api/v1/customers/{id}/orders", Ct),
            await client.PutAsJsonAsync($"/api/v1/customers/{id}", new UpdateCustomer("无名"), ApiFactory.Json, Ct),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class ApiAccessTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Without_a_valid_key_the_api_answers_401(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var revoked = await app.CreateKeyAsync(Permissions.CustomersView);
        await app.RevokeAsync(revoked.Id);

        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var withRevoked = app.WithKey(revoked.Key);
        using var withForged = app.WithKey(revoked.Key[..^4] + "AAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/customers", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withRevoked.GetAsync("/api/v1/customers", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withForged.GetAsync("/api/v1/customers", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_key_without_the_scope_gets_403_and_writes_nothing(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var reader = await app.ClientAsync();   // the default scopes: views only

        var order = await reader.PostJsonAsync("/api/v1/orders", OrdersApiTests.Sale("POS-1", seed));
        var customer = await reader.PostJsonAsync("/api/v1/customers", new Patron.Customers.CreateCustomer("张伟"));
        var store = await reader.PostJsonAsync("/api/v1/stores", new Patron.Commerce.CreateStore("X1", "新店"));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [order.StatusCode, customer.StatusCode, store.StatusCode]);
        await using var db = app.Database.NewContext();
        Assert.Equal((0, 1, 1), (await db.Orders.CountAsync(Ct), await db.Customers.CountAsync(Ct), await db.Stores.CountAsync(Ct)));
    }
}

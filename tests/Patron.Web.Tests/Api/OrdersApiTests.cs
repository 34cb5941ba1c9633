using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class OrdersApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static CreateOrder Sale(string externalId, ApiSeed seed) =>
        new(SalesChannel.Pos, externalId, DateTime.UtcNow.AddMinutes(-5).Date, [
            new CreateOrderLine(seed.Apples.Sku, Quantity: 2, UnitPrice: 1290),
            new CreateOrderLine(ProductId: seed.Milk.Id, Quantity: 1, UnitPrice: 1550),
        ], StoreCode: seed.Store.Code, DiscountAmount: 130, PaymentMethod: PaymentMethod.Alipay);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Replaying_an_order_answers_200_with_the_same_body_and_writes_nothing(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var till = await app.ClientAsync(Permissions.OrdersCreate, Permissions.OrdersView);
        var sale = Sale("POS-1", seed) with { CustomerMemberCardNo = "88000001" };

        var first = await till.PostJsonAsync("/api/v1/orders", sale);
        var replay = await till.PostJsonAsync("/api/v1/orders", sale);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await replay.Content.ReadAsStringAsync(Ct));
        var order = await first.ReadAsync<OrderDetails>();
        Assert.Equal($"/api/v1/orders/{order.Order.Id}", first.Headers.Location?.OriginalString);
        Assert.Equal((4130L, 130L, 4000L, seed.Customer.Id), (order.Order.GrossAmount, order.Order.DiscountAmount, order.Order.PaidAmount, order.Order.CustomerId));
        var fetched = await till.GetFromJsonAsync<OrderDetails>($"/api/v1/orders/{order.Order.Id}", ApiFactory.Json, Ct);
        Assert.Equal(order.Lines, fetched!.Lines);
        var listed = await till.GetFromJsonAsync<Page<OrderSummary>>($"/api/v1/orders?storeId={seed.Store.Id}&from=2000-01-01", ApiFactory.Json, Ct);
        Assert.Equal(order.Order.Id, Assert.Single(listed!.Items).Id);
        await using var db = app.Database.NewContext();
        Assert.Equal((1, 2), (await db.Orders.CountAsync(Ct), await db.OrderLines.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_invalid_order_answers_400_with_every_field_and_writes_nothing(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var till = await app.ClientAsync(Permissions.OrdersCreate);

        var errors = await (await till.PostJsonAsync("/api/v1/orders", Sale("POS-1", seed) with
        {
            StoreCode = "NO-SUCH-STORE",
            Lines = [new CreateOrderLine(seed.Apples.Sku, Quantity: -2, UnitPrice: 1290), new CreateOrderLine("NO-SUCH-SKU", Quantity: 1, UnitPrice: 100)],
        })).ErrorsAsync();

        Assert.Equal(["lines[0].quantity", "lines[1].sku", "storeCode"], errors.Keys.Order());
        await using var db = app.Database.NewContext();
        Assert.Equal((0, 0), (await db.Orders.CountAsync(Ct), await db.OrderLines.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_body_that_is_not_json_of_an_order_answers_400(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        using var till = await app.ClientAsync(Permissions.OrdersCreate);

        // Amounts in quotes are refused: the API takes numbers of fen, never strings.
        var response = await till.PostAsync("/api/v1/orders",
            new StringContent("""{"source":"Pos","externalId":"X","discountAmount":"100"}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Catalogue_reads_answer_and_an_unknown_id_is_a_404_problem(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.CatalogView, Permissions.OrdersView);

        var stores = await client.GetFromJsonAsync<List<StoreView>>("/api/v1/stores", ApiFactory.Json, Ct);
        var store = await client.GetFromJsonAsync<StoreView>($"/api/v1/stores/{seed.Store.Id}", ApiFactory.Json, Ct);
        var products = await client.GetFromJsonAsync<Page<ProductView>>("/api/v1/products?search=FR-", ApiFactory.Json, Ct);
        var product = await client.GetFromJsonAsync<ProductView>($"/api/v1/products/{seed.Milk.Id}", ApiFactory.Json, Ct);
        var categories = await client.GetFromJsonAsync<List<CategoryView>>("/api/v1/categories", ApiFactory.Json, Ct);

        Assert.Equal(seed.Store, Assert.Single(stores!));
        Assert.Equal(seed.Store, store);
        Assert.Equal(seed.Apples, Assert.Single(products!.Items));
        Assert.Equal(seed.Milk, product);
        Assert.Equal("FRESH", Assert.Single(categories!).Code);
        foreach (var path in new[] { "stores", "products", "orders" })
        {
            var missing = await client.GetAsync($"/api/v1/{path}/{Guid.NewGuid()}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
    }
}

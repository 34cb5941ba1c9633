using System.Net;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform.Security;

namespace Patron.Web.Tests.Api;

/// <summary>A store, a category, two products and one customer, written through the API itself with an all-scopes key.</summary>
sealed record ApiSeed(StoreView Store, ProductView Apples, ProductView Milk, CustomerDetails Customer)
{
    public const string Mobile = "+8613800138000";

    public static async Task<ApiSeed> WriteAsync(ApiFactory app)
    {
        using var admin = await app.ClientAsync([.. Permissions.All]);
        var store = await CreatedAsync<StoreView>(await admin.PostJsonAsync("/api/v1/stores", new CreateStore("SH001", "徐汇店", "上海", "上海")));
        var category = await CreatedAsync<CategoryView>(await admin.PostJsonAsync("/api/v1/categories", new CreateCategory("FRESH", "生鲜")));
        var apples = await CreatedAsync<ProductView>(await admin.PostJsonAsync("/api/v1/products",
            new CreateProduct("FR-APPLE", "红富士苹果", category.Id, ListPrice: 1290)));
        var milk = await CreatedAsync<ProductView>(await admin.PostJsonAsync("/api/v1/products",
            new CreateProduct("DA-MILK", "鲜牛奶", CategoryCode: "FRESH", ListPrice: 1550)));
        var customer = await CreatedAsync<CustomerDetails>(await admin.PostJsonAsync("/api/v1/customers",
            new CreateCustomer("王芳", Gender.Female, Mobile: "138 0013 8000", MemberCardNo: "8800 0001", SignUpStoreId: store.Id)));
        return new ApiSeed(store, apples, milk, customer);
    }

    static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }
}

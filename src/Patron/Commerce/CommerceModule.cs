using Microsoft.Extensions.DependencyInjection;
using Patron.Commerce.Contracts;

namespace Patron.Commerce;

public static class CommerceModule
{
    public static IServiceCollection AddCommerce(this IServiceCollection services) => services
        .AddScoped<Customers.Contracts.ICustomerMergeParticipant, OrdersMergeParticipant>()
        .AddScoped<CustomerPurchases>()
        .AddScoped<SalesHistory>()
        .AddScoped<CatalogLookup>()
        .AddScoped<ListOrdersHandler>()
        .AddScoped<GetOrderHandler>()
        .AddScoped<ListStoresHandler>()
        .AddScoped<ListCategoriesHandler>()
        .AddScoped<ListProductsHandler>()
        .AddScoped<StoreDirectory>()
        .AddScoped<GetStoreHandler>()
        .AddScoped<GetProductHandler>()
        .AddScoped<CreateOrderHandler>()
        .AddScoped<RefundOrderHandler>()
        .AddScoped<CreateStoreHandler>()
        .AddScoped<CreateCategoryHandler>()
        .AddScoped<CreateProductHandler>();
}

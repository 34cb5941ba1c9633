using Microsoft.Extensions.DependencyInjection;
using Patron.Commerce.Contracts;

namespace Patron.Commerce;

public static class CommerceModule
{
    public static IServiceCollection AddCommerce(this IServiceCollection services)
    {
        // Runs only under a host (the web app): retries the order notices an observer failed to take.
        services.AddHostedService<OrderNoticeSchedule>();
        return services.AddCommerceHandlers();
    }

    static IServiceCollection AddCommerceHandlers(this IServiceCollection services) => services
        .AddScoped<OrderNoticeDispatcher>()
        .AddScoped<Customers.Contracts.ICustomerMergeParticipant, OrdersMergeParticipant>()
        .AddScoped<CustomerPurchases>()
        .AddScoped<PurchaseDates>()
        .AddScoped<OrderPayments>()
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
        .AddScoped<IOrderRefunds, ExternalRefunds>()
        .AddScoped<CreateStoreHandler>()
        .AddScoped<CreateCategoryHandler>()
        .AddScoped<CreateProductHandler>();
}

using Microsoft.Extensions.DependencyInjection;
using Patron.Customers.Contracts;
using Patron.Customers.Merging;

namespace Patron.Customers;

public static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services
        .AddScoped<CustomerDirectory>()
        .AddScoped<CustomerTags>()
        .AddScoped<CustomerBirthdays>()
        .AddScoped<SearchCustomersHandler>()
        .AddScoped<GetCustomerProfileHandler>()
        .AddScoped<CreateCustomerHandler>()
        .AddScoped<UpdateCustomerHandler>()
        .AddCustomerMerging();
}

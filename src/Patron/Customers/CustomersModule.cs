using Microsoft.Extensions.DependencyInjection;
using Patron.Customers.Contracts;

namespace Patron.Customers;

public static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services
        .AddScoped<CustomerDirectory>()
        .AddScoped<CustomerBirthdays>()
        .AddScoped<SearchCustomersHandler>()
        .AddScoped<GetCustomerProfileHandler>()
        .AddScoped<CreateCustomerHandler>()
        .AddScoped<UpdateCustomerHandler>();
}

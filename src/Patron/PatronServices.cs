using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Patron.Analytics;
using Patron.Commerce;
using Patron.Customers;
using Patron.Platform;
using Patron.Platform.ApiKeys;
using Patron.Platform.Audit;
using Patron.Platform.Identity;
using Patron.Segmentation;

namespace Patron;

/// <summary>Registers the business modules; both hosts (web and CLI) call this.</summary>
public static class PatronServices
{
    public static IServiceCollection AddPatron(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Patron:Database:ConnectionString is empty.")
            .ValidateOnStart();
        services.AddOptions<PatronOptions>().Bind(configuration.GetSection(PatronOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        // The factory also registers PatronDb as scoped: handlers take the context, Blazor circuits take the factory.
        services.AddDbContextFactory<PatronDb>((sp, b) => PatronDatabase.Configure(b, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddScoped<AuditLog>();
        services.AddScoped<ListAuditEntriesHandler>();
        services.AddPatronIdentity();
        services.AddScoped<UserAdmin>();
        services.AddScoped<ApiKeyService>();
        services.AddCustomers();
        services.AddCommerce();
        services.AddAnalytics(configuration);
        Ingestion.IngestionModule.AddIngestion(services);
        Loyalty.LoyaltyModule.AddLoyalty(services, configuration);
        services.AddSegmentation(configuration);
        return services;
    }
}

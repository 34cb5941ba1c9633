using Microsoft.Extensions.DependencyInjection;

namespace Patron.Analytics;

public static class AnalyticsModule
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services) => services
        .AddScoped<GetDashboardHandler>();
}

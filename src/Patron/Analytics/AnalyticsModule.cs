using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Patron.Analytics.Basket;
using Patron.Analytics.Contracts;
using Patron.Analytics.Predictions;
using Patron.Analytics.Trends;

namespace Patron.Analytics;

public static class AnalyticsModule
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PredictionOptions>().Bind(configuration.GetSection(PredictionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Runs only under a host (the web app); the CLI builds a plain container and refreshes on request.
        services.AddHostedService<PredictionSchedule>();
        return services
            .AddScoped<Customers.Contracts.ICustomerMergeParticipant, ForecastMergeParticipant>()
            .AddScoped<GetDashboardHandler>()
            .AddScoped<RefreshPredictionsHandler>()
            .AddScoped<CustomerOutlook>()
            .AddScoped<GetPredictionOverviewHandler>()
            .AddScoped<MineBasketRulesHandler>()
            .AddScoped<RecommendHandler>()
            .AddScoped<BoughtTogetherHandler>()
            .AddSingleton<AnalyticsCache>()
            .AddScoped<GetCohortsHandler>()
            .AddScoped<GetProductTrendsHandler>()
            .AddScoped<GetCategoryForecastsHandler>()
            .AddScoped<GetSegmentRetentionHandler>();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Patron.Commerce.Contracts;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

public static class SegmentationModule
{
    public static IServiceCollection AddSegmentation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SegmentationOptions>().Bind(configuration.GetSection(SegmentationOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.ValueTierMediumAbove < o.ValueTierHighAbove, "Patron:Segmentation:ValueTierMediumAbove must be below ValueTierHighAbove.")
            .ValidateOnStart();
        return services
            .AddScoped<Customers.Contracts.ICustomerMergeParticipant, SegmentsMergeParticipant>()
            .AddSingleton<SegmentationEngine>()
            .AddSingleton<SegmentationSignal>()
            .AddSingleton<LifecycleTransitionsCache>()
            .AddScoped<IOrderObserver, OrderFeatures>()
            .AddScoped<CreateSegmentHandler>()
            .AddScoped<UpdateSegmentHandler>()
            .AddScoped<DeleteSegmentHandler>()
            .AddScoped<ListSegmentsHandler>()
            .AddScoped<SegmentRoster>()
            .AddScoped<GetSegmentHandler>()
            .AddScoped<ListSegmentMembersHandler>()
            .AddScoped<CustomerSegmentsHandler>()
            .AddScoped<PreviewSegmentHandler>()
            .AddScoped<RefreshMembershipsHandler>()
            .AddScoped<ExportSegmentMembersHandler>()
            .AddScoped<GetLifecycleTransitionsHandler>()
            .AddScoped<SaveAutoTagRuleHandler>()
            .AddScoped<DeleteAutoTagRuleHandler>()
            .AddScoped<AutoTagQueries>()
            .AddScoped<RefreshAutoTagsHandler>();
    }

    /// <summary>The web host's background work: load at start-up, refresh on orders and on a timer. The CLI does without.</summary>
    public static IServiceCollection AddSegmentationRefresher(this IServiceCollection services) =>
        services.AddHostedService<SegmentationRefresher>();
}

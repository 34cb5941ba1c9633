using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Patron.Commerce.Contracts;

namespace Patron.Loyalty;

public static class LoyaltyModule
{
    public static IServiceCollection AddLoyalty(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LoyaltyOptions>().Bind(configuration.GetSection(LoyaltyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Runs only under a host (the web app); the CLI runs the same jobs on request.
        services.AddHostedService<LoyaltySchedule>();
        return services.AddLoyaltyHandlers();
    }

    static IServiceCollection AddLoyaltyHandlers(this IServiceCollection services) => services
        .AddScoped<EarnPointsHandler>()
        .AddScoped<IssueToSegmentHandler>()
        .AddScoped<SaveCouponTriggerHandler>()
        .AddScoped<SetCouponTemplateActiveHandler>()
        .AddScoped<UpdateTierHandler>()
        .AddScoped<IssueTriggeredCouponsHandler>()
        .AddScoped<LoyaltyJobs>()
        .AddScoped<RedeemPointsHandler>()
        .AddScoped<AdjustPointsHandler>()
        .AddScoped<ExpirePointsHandler>()
        .AddScoped<GetPointsBalanceHandler>()
        .AddScoped<RemindExpiringPointsHandler>()
        .AddScoped<TierUpgrades>()
        .AddScoped<EvaluateTiersHandler>()
        .AddScoped<DefaultTiersHandler>()
        .AddScoped<CreateCouponTemplateHandler>()
        .AddScoped<IssueCouponHandler>()
        .AddScoped<QuoteTillHandler>()
        .AddScoped<CommitTillHandler>()
        .AddScoped<LoyaltyReportsHandler>()
        .AddScoped<SaveEarnRuleHandler>()
        .AddScoped<SaveMemberDayHandler>()
        .AddScoped<GetMemberLoyaltyHandler>()
        .AddScoped<GetPointsLedgerHandler>()
        .AddScoped<ListLoyaltySetupHandler>()
        .AddScoped<IOrderObserver, LoyaltyOrderObserver>()
        .AddScoped<Customers.Contracts.ICustomerMergeParticipant, LoyaltyMergeParticipant>();
}

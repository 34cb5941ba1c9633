using Microsoft.Extensions.DependencyInjection;
using Patron.Commerce.Contracts;

namespace Patron.Loyalty;

public static class LoyaltyModule
{
    public static IServiceCollection AddLoyalty(this IServiceCollection services) => services
        .AddScoped<EarnPointsHandler>()
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

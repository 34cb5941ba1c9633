using Microsoft.Extensions.DependencyInjection;

namespace Patron.Loyalty;

public static class LoyaltyModule
{
    public static IServiceCollection AddLoyalty(this IServiceCollection services) => services
        .AddScoped<EarnPointsHandler>()
        .AddScoped<RedeemPointsHandler>()
        .AddScoped<AdjustPointsHandler>()
        .AddScoped<ExpirePointsHandler>()
        .AddScoped<GetPointsBalanceHandler>();
}

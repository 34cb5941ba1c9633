using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Patron.Analytics.Basket;
using Patron.Analytics.Contracts;
using Patron.Platform;
using Patron.Platform.Security;

namespace Patron.Analytics;

/// <summary>Predictions, rules and recommendations for integrations (a shop front, a message template).</summary>
public static class InsightsApi
{
    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder api)
    {
        var insights = api.MapGroup("/").WithTags("Insights").RequireAuthorization(Permissions.InsightsView);
        insights.MapGet("/customers/{id:guid}/outlook", GetOutlookAsync).WithName("GetCustomerOutlook")
            .WithSummary("The customer's latest churn risk and lifetime-value predictions").ProducesProblem(StatusCodes.Status404NotFound);
        insights.MapGet("/customers/{id:guid}/recommendations", RecommendAsync).WithName("GetCustomerRecommendations")
            .WithSummary("Products to suggest to the customer, best first, each with its reason");
        insights.MapGet("/products/{id:guid}/bought-together", BoughtTogetherAsync).WithName("GetBoughtTogether")
            .WithSummary("Products frequently bought with this one");
        insights.MapGet("/insights/rules", RulesAsync).WithName("GetBasketRules")
            .WithSummary("Association rules over the purchases (cached for an hour per query)");
        return api;
    }

    static async Task<Results<Ok<CustomerOutlookView>, ProblemHttpResult>> GetOutlookAsync(Guid id, CustomerOutlook outlook, CancellationToken ct) =>
        await outlook.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound("prediction for customer", id);

    static async Task<Ok<IReadOnlyList<Recommendation>>> RecommendAsync(Guid id, [Description("1 to 50; 6 when omitted.")] int? count,
        RecommendHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, Math.Clamp(count ?? 6, 1, 50), ct));

    static async Task<Ok<IReadOnlyList<BoughtTogetherItem>>> BoughtTogetherAsync(Guid id, int? count, BoughtTogetherHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ForProductAsync(id, Math.Clamp(count ?? 5, 1, 50), ct));

    static async Task<Results<Ok<BasketRules>, ValidationProblem>> RulesAsync(
        BasketLevel? level, [Description("UTC, inclusive.")] DateTime? from, [Description("UTC, exclusive.")] DateTime? until, Guid? storeId,
        [Description("Fraction of baskets, (0, 1]; 0.002 when omitted.")] double? minSupport,
        [Description("[0, 1]; 0.1 when omitted.")] double? minConfidence, double? minLift, int? top,
        AnalyticsCache cache, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (minSupport is { } s && !(s > 0 && s <= 1)) errors.Add("minSupport", "Between 0 (excluded) and 1.");
        if (minConfidence is { } c && !(c is >= 0 and <= 1)) errors.Add("minConfidence", "Between 0 and 1.");
        if (from > until) errors.Add("from", "Must not be after until.");
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = new MineBasketRules(level ?? BasketLevel.Product, from, until, storeId, minSupport ?? 0.002, minConfidence ?? 0.1,
            minLift ?? 1.0, Math.Clamp(top ?? 300, 1, 5000));
        return TypedResults.Ok(await cache.GetAsync(query, ct));
    }
}

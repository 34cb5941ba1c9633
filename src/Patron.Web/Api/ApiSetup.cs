using System.Text.Json.Serialization;
using Patron.Analytics;
using Patron.Commerce;
using Patron.Customers;
using Patron.Customers.Merging;
using Patron.Ingestion;
using Patron.Loyalty;
using Patron.Segmentation;
using Scalar.AspNetCore;

namespace Patron.Web.Api;

static class ApiSetup
{
    public const string Version = "v1";

    public static IServiceCollection AddPatronApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // Enums travel as their names ("Pos", "WeChatPay"): readable for integrators and stable when members are added.
        // Numbers must be JSON numbers: money accepted from strings would blur "100" (fen) and "1.00" (yuan) mistakes.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(Version, o =>
        {
            // The document describes the integration API only, not the sign-in form or the culture switch.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocument>();
        });
        return services;
    }

    public static void MapPatronApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Patron API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(ApiDocument.ApiKeyScheme));
        app.MapGroup($"/api/{Version}").RequireAuthorization()
            .MapCustomersApi()
            .MapMergingApi()
            .MapOrdersApi()
            .MapCatalogApi()
            .MapInsightsApi()
            .MapLoyaltyApi()
            .MapSegmentsApi()
            .MapIngestionApi();
    }
}

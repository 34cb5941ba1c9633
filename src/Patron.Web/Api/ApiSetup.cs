using Scalar.AspNetCore;

namespace Patron.Web.Api;

static class ApiSetup
{
    public static IServiceCollection AddPatronApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi("v1");
        return services;
    }

    public static void MapPatronApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Patron API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        var v1 = app.MapGroup("/api/v1").RequireAuthorization();
        _ = v1;
    }
}

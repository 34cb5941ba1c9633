using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Patron.Web.Security;

namespace Patron.Web.Api;

/// <summary>
/// Describes what the generated document cannot see: the title, the X-Api-Key scheme every operation needs,
/// and the 401/403 answers the authorization middleware gives before an endpoint runs.
/// </summary>
sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Patron API",
            Version = ApiSetup.Version,
            Description = "Customers, orders and the catalogue of a Patron installation. Authenticate with an API key "
                + "in the X-Api-Key header; each key carries permission scopes such as customers.view. "
                + "Money is in minor units (fen), times are UTC, errors are RFC 9457 problem details.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.Header,
            Description = "An API key such as ptn_XXXXXXXX_…; its scopes decide which endpoints answer.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];

        foreach (var operation in document.Paths.Values.Where(p => p.Operations is not null).SelectMany(p => p.Operations!.Values))
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or an unknown or revoked one." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key lacks the permission this endpoint needs." });
        }
        return Task.CompletedTask;
    }
}

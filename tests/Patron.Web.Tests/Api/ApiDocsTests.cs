using System.Net;
using System.Text.Json;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class ApiDocsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api_and_its_key_scheme()
    {
        await using var app = await ApiFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        Assert.Contains("/api/v1/orders", paths);
        Assert.Equal("CreateOrder", root.GetProperty("paths").GetProperty("/api/v1/orders").GetProperty("post").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task The_interactive_reference_answers_and_points_at_the_document()
    {
        await using var app = await ApiFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/docs", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // Scalar's script resolves the relative source against the application's base path: /openapi/v1.json.
        Assert.Contains("\"url\":\"openapi/v1.json\"", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("\"preferredSecurityScheme\":[\"ApiKey\"]", await response.Content.ReadAsStringAsync(Ct));
        // The viewer's scripts are served by Patron itself, not fetched from a CDN.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/scalar.js", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/scalar.aspnetcore.js", Ct)).StatusCode);
    }
}

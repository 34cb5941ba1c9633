using Patron.Platform.Audit;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Patron.Platform;
using Patron.Platform.ApiKeys;
using Patron.Tests.Infrastructure;
using Patron.Web.Security;

namespace Patron.Web.Tests.Api;

/// <summary>
/// The whole web app in memory over a fresh <see cref="TestDatabase"/>. A configured database is migrated at start
/// and not seeded, so each test sees exactly what it writes.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The API's JSON: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    ApiFactory(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<ApiFactory> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Patron:Database:Provider"] = Database.Provider.ToString(),
            ["Patron:Database:ConnectionString"] = Database.Options.ConnectionString,
            ["Patron:Owner:Password"] = "Owner-Password-1",
        };
        // App configuration is added last, so it wins over patron.json and environment variables on the machine.
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
    }

    /// <summary>A client that sends a new API key with these scopes (the default scopes when none are given).</summary>
    public async Task<HttpClient> ClientAsync(params string[] scopes) => WithKey((await CreateKeyAsync(scopes)).Key);

    public async Task<CreatedApiKey> CreateKeyAsync(params string[] scopes)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("tests", scopes, Actor.System);
    }

    public async Task RevokeAsync(Guid keyId)
    {
        using var scope = Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(keyId.ToString(), Actor.System));
    }

    public HttpClient WithKey(string key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, ApiFactory.Json, TestContext.Current.CancellationToken);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ApiFactory.Json, TestContext.Current.CancellationToken))!;

    /// <summary>The per-field errors of a 400 validation problem.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.ReadAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>()).Errors.ToDictionary();
    }
}

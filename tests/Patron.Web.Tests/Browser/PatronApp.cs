using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Patron.Platform;

namespace Patron.Web.Tests.Browser;

/// <summary>The real Patron web host on Kestrel (a free loopback port), on the given database, with a known owner.</summary>
sealed class PatronApp : WebApplicationFactory<Program>
{
    readonly DatabaseOptions database;
    readonly IReadOnlyDictionary<string, string> settings;

    public PatronApp(DatabaseOptions database, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.database = database;
        this.settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
    }

    public const string OwnerEmail = "owner@patron.test";
    public const string Password = "Correct-horse-42";

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The environment a user gets from the README's `dotnet run`, so that what works here works there.
        builder.UseEnvironment("Production");
        builder.UseSetting("Patron:Database:Provider", database.Provider.ToString());
        builder.UseSetting("Patron:Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Patron:Owner:Email", OwnerEmail);
        builder.UseSetting("Patron:Owner:Password", Password);
        builder.UseSetting("DetailedErrors", "true");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

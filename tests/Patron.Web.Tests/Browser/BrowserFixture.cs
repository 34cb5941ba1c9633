using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Patron.Platform;
using Patron.Platform.Identity;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// One app, one database and one Chromium for all browser tests (starting them is the slow part); each test
/// opens its own browser context, so cookies and language never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string AnalystEmail = "analyst@patron.test";

    TestDatabase? database;
    PatronApp? app;
    IPlaywright? playwright;

    public SampleShop Shop { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl => app!.BaseUrl;

    /// <summary>The running app's services, for a test that needs state no page can make yet (points, issued coupons).</summary>
    public IServiceProvider Services => app!.Services;

    /// <summary>Debian's Chromium, headless, with nothing that reaches the network (downloads fail here).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.NewContext()) Shop = await SampleShop.SeedAsync(db, DateTime.UtcNow);

        app = new PatronApp(database.Options);
        app.StartServer();   // migrates and creates the owner from Patron:Owner, like a first start
        await CreateUserAsync(AnalystEmail, Roles.Analyst);

        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);
    }

    public async Task CreateUserAsync(string email, string role)
    {
        using var scope = app!.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(new NewUser(email, role, PatronApp.Password));
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }
}

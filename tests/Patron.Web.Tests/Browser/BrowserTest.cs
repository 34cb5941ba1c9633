using System.Globalization;
using Microsoft.Playwright;
using Patron.Web.Localization;

namespace Patron.Web.Tests.Browser;

/// <summary>Helpers shared by the browser flows: a fresh context per test, sign-in, screenshots, localised strings.</summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncDisposable
{
    static readonly Text Strings = new();
    readonly List<IBrowserContext> contexts = [];

    protected BrowserFixture Fixture { get; } = fixture;

    /// <summary>The visible text for <paramref name="key"/> in <paramref name="culture"/>, as the app shows it.</summary>
    internal static string Say(string key, string culture) => Strings.Get(key, CultureInfo.GetCultureInfo(culture));

    /// <summary>A page in a fresh context whose language cookie is already set, so the sign-in form is localised too.</summary>
    protected async Task<IPage> OpenAsync(string culture)
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseUrl, Locale = culture, ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        // A busy 2-core CI machine can take seconds to connect a Blazor circuit; 5 s (the default) flakes there.
        Assertions.SetDefaultExpectTimeout(15_000);
        await page.GotoAsync($"/culture?culture={culture}&redirectUri=%2Faccount%2Flogin");
        return page;
    }

    internal static async Task SignInAsync(IPage page, string email, string password = PatronApp.Password)
    {
        if (!page.Url.Contains("/account/login")) await page.GotoAsync("/account/login");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        // The form posts and the server redirects, often back to the same URL: wait for that navigation itself,
        // with room for a slow, busy CI machine (password hashing is deliberately costly).
        await page.RunAndWaitForResponseAsync(() => page.GetByTestId("sign-in").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/login"), new PageRunAndWaitForResponseOptions { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = 60_000 });
    }

    /// <summary>The input of a MudBlazor text field, wherever the component puts its data-testid.</summary>
    protected static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>Full-page PNG in artifacts/screenshots/NAME-LANG.png (zh or en) at the repository root.</summary>
    internal static async Task ScreenshotAsync(IPage page, string name, string culture)
    {
        var dir = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        var lang = culture.StartsWith("zh", StringComparison.Ordinal) ? "zh" : "en";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"{name}-{lang}.png"), FullPage = true });
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Patron.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Patron.slnx not found above the test binaries.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
        GC.SuppressFinalize(this);
    }
}

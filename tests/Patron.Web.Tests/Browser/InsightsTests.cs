using Microsoft.Playwright;
using Patron.DemoData;
using Patron.Platform;
using Patron.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Patron.Web.Tests.Browser.BrowserTest;

namespace Patron.Web.Tests.Browser;

/// <summary>A shop with a year of demo history, enough for the models, the rules and the cohorts to say something.</summary>
public sealed class InsightsFixture : IAsyncLifetime
{
    TestDatabase? database;
    PatronApp? app;
    IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl => app!.BaseUrl;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var options = new DemoDataOptions { Customers = 400, Months = 12, Seed = 3, AsOf = DateOnly.FromDateTime(DateTime.UtcNow) };
        await using (var db = database.NewContext()) await DemoDataWriter.WriteAsync(db, options, null, TestContext.Current.CancellationToken);
        // The schedule stays off: the test presses "recompute" itself and must not race a background refresh.
        app = new PatronApp(database.Options, new Dictionary<string, string> { ["Patron:Predictions:RefreshHours"] = "0" });
        app.StartServer();
        playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }
}

public sealed class InsightsTests(InsightsFixture insights) : IClassFixture<InsightsFixture>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_owner_computes_predictions_then_reads_a_customers_outlook_the_rules_trends_and_cohorts(string culture)
    {
        var context = await insights.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = insights.BaseUrl, Locale = culture, ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        SetDefaultExpectTimeout(30_000);
        await page.GotoAsync($"/culture?culture={culture}&redirectUri=%2Faccount%2Flogin");
        await SignInAsync(page, PatronApp.OwnerEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = Say("NavPredictions", culture) }).ClickAsync();
        await page.GetByTestId("refresh-predictions").ClickAsync();
        await Expect(page.GetByTestId("most-valuable").Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(page.GetByTestId("model")).ToContainTextAsync("BG/NBD: r =");
        await ScreenshotAsync(page, "predictions", culture);

        await page.GetByTestId("most-valuable").Locator("tbody tr a").First.ClickAsync();
        await page.GetByText(Say("CustomerOutlook", culture), new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("churn-risk")).ToContainTextAsync("%");
        await Expect(page.GetByTestId("recommendations").Locator("tr")).Not.ToHaveCountAsync(0);
        await ScreenshotAsync(page, "customer-outlook", culture);

        await page.GotoAsync("/insights/rules");
        await Expect(page.GetByTestId("rules-summary")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("rules").Locator("tbody tr").First).ToContainTextAsync(culture == "en" ? "also bought" : "也买");
        await ScreenshotAsync(page, "basket-rules", culture);

        await page.GotoAsync("/insights/trends");
        await Expect(page.GetByTestId("forecasts").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByTestId("top-products").Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(page.GetByTestId("segment-retention")).ToContainTextAsync(Say("RetentionTitle", culture));
        await ScreenshotAsync(page, "trends", culture);

        await page.GotoAsync("/insights/cohorts");
        await Expect(page.GetByTestId("cohorts").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await ScreenshotAsync(page, "cohorts", culture);
        await context.CloseAsync();
    }
}

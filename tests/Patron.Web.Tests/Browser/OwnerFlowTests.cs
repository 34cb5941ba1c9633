using Microsoft.Playwright;
using Patron.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Patron.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OwnerFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_owner_signs_in_finds_a_customer_by_mobile_and_sees_their_orders(string culture)
    {
        var page = await OpenAsync(culture);
        await SignInAsync(page, PatronApp.OwnerEmail);

        await Expect(page.GetByTestId("kpi-customers")).ToContainTextAsync("3");
        await Expect(page.GetByTestId("kpi-sales")).ToContainTextAsync("¥175.50");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Say("NavDashboard", culture) })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("top-products")).ToContainTextAsync(Fixture.Shop.Rice.Name);
        await ScreenshotAsync(page, "dashboard", culture);

        await page.GetByRole(AriaRole.Link, new() { Name = Say("NavCustomers", culture) }).ClickAsync();
        await Expect(page.GetByTestId("customer-link")).ToHaveCountAsync(3);
        await Input(page, "customer-search").FillAsync("13812341234");
        await Expect(page.GetByTestId("customer-link")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("customers").GetByTestId("mobile")).ToHaveTextAsync("138 1234 1234");   // the owner may reveal
        await ScreenshotAsync(page, "customers", culture);

        await page.GetByTestId("customer-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Fixture.Shop.Wang.Name })).ToBeVisibleAsync();
        var orders = page.GetByTestId("customer-orders");
        await Expect(orders.GetByTestId("expand-order")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("kpi-spend")).ToContainTextAsync("¥185.50");
        await Expect(page.GetByTestId("profile").GetByTestId("mobile").First).ToHaveTextAsync("138****1234");   // masked until revealed
        await orders.GetByTestId("expand-order").First.ClickAsync();
        await Expect(orders.GetByTestId("order-lines")).ToContainTextAsync(Fixture.Shop.Rice.Name);

        await page.GetByTestId("reveal").ClickAsync();
        await Expect(page.GetByTestId("profile").GetByTestId("mobile").First).ToHaveTextAsync("138 1234 1234");
        await ScreenshotAsync(page, "customer-360", culture);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_owner_reads_orders_catalog_and_audit_log_and_creates_an_api_key_shown_once(string culture)
    {
        var page = await OpenAsync(culture);
        await SignInAsync(page, PatronApp.OwnerEmail);
        await Expect(page.GetByTestId("kpi-customers")).ToBeVisibleAsync();

        await page.GotoAsync("/orders");
        await Expect(page.GetByTestId("orders").Locator("tbody tr")).ToHaveCountAsync(Fixture.Shop.Orders.Count);
        await ScreenshotAsync(page, "orders", culture);

        await page.GotoAsync($"/orders/{Fixture.Shop.Orders[0].Id}");
        await Expect(page.GetByTestId("order-lines")).ToContainTextAsync(Fixture.Shop.Apples.Name);
        await ScreenshotAsync(page, "order-detail", culture);

        await page.GotoAsync("/stores");
        await Expect(page.GetByTestId("stores")).ToContainTextAsync(Fixture.Shop.Airport.Name);
        await ScreenshotAsync(page, "stores", culture);

        await page.GotoAsync("/products");
        await Expect(page.GetByTestId("products")).ToContainTextAsync("¥80.00");
        await ScreenshotAsync(page, "products", culture);

        await page.GotoAsync("/apikeys");
        await page.GetByTestId("create-key").ClickAsync();
        await Input(page, "key-name").FillAsync($"sync-{culture}");
        await page.GetByTestId("key-submit").ClickAsync();
        await Expect(Input(page, "new-key")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ptn_"));
        await ScreenshotAsync(page, "apikey-created", culture);
        await page.GetByTestId("key-done").ClickAsync();
        await Expect(page.GetByTestId("apikeys")).ToContainTextAsync($"sync-{culture}");
        await Expect(page.GetByTestId("new-key")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "apikeys", culture);

        await page.GotoAsync("/audit");
        await Expect(page.GetByTestId("audit")).ToContainTextAsync($"sync-{culture} (ptn_");
        await ScreenshotAsync(page, "audit", culture);
    }
}

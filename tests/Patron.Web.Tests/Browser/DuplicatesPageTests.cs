using Microsoft.Playwright;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Patron.Web.Tests.Browser.BrowserTest;

namespace Patron.Web.Tests.Browser;

/// <summary>
/// Its own app and database (the shared browser fixture's tests count customers and orders): the sample shop plus,
/// per language, two records of one person with an order each. Same name and birthday, two mobiles: a score for
/// review, not for an automatic merge.
/// </summary>
public sealed class DuplicatesFixture : IAsyncLifetime
{
    TestDatabase? database;
    PatronApp? app;
    IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl => app!.BaseUrl;
    public Dictionary<string, (Customer Older, Customer Newer, string[] Orders)> Pairs { get; } = [];

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var now = DateTime.UtcNow;
        await using (var db = database.NewContext())
        {
            var shop = await SampleShop.SeedAsync(db, now);
            foreach (var (tag, name, n) in new[] { ("zh", "钱多多", 1), ("en", "孙婷婷", 2) })
            {
                Customer New(string mobile, int daysAgo) => new()
                {
                    Id = Ids.New(), Name = name, Mobile = mobile, Birthday = new DateOnly(1986, 4, 18), Gender = Gender.Female,
                    SignedUpAt = now.AddDays(-daysAgo), CreatedAt = now.AddDays(-daysAgo), UpdatedAt = now.AddDays(-daysAgo),
                };
                var (older, newer) = (New($"+861350000{n}234", 200), New($"+861890000{n}567", 3));
                string[] orders = [$"DUP-{tag}-1", $"DUP-{tag}-2"];
                db.Customers.AddRange(older, newer);
                foreach (var (customer, externalId) in new[] { (older, orders[0]), (newer, orders[1]) })
                {
                    var order = new Order
                    {
                        Id = Ids.New(), Source = SalesChannel.Pos, ExternalId = externalId, StoreId = shop.Downtown.Id, CustomerId = customer.Id,
                        PlacedAt = now.AddDays(-1), Status = OrderStatus.Completed, PaymentMethod = PaymentMethod.Cash, CreatedAt = now, PaidAmount = 1500, GrossAmount = 1500,
                    };
                    order.Lines.Add(new OrderLine { Id = Ids.New(), OrderId = order.Id, CustomerId = customer.Id, ProductId = shop.Milk.Id, Quantity = 1, UnitPrice = 1500 });
                    db.Orders.Add(order);
                }
                Pairs[tag] = (older, newer, orders);
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
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

public sealed class DuplicatesPageTests(DuplicatesFixture fixture) : IClassFixture<DuplicatesFixture>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_reviewer_merges_a_queued_pair_sees_both_orders_on_one_customer_and_undoes_the_merge(string culture)
    {
        var (older, newer, orders) = fixture.Pairs[culture == "en" ? "en" : "zh"];
        var name = older.Name;
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = culture, ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        SetDefaultExpectTimeout(30_000);
        await page.GotoAsync($"/culture?culture={culture}&redirectUri=%2Faccount%2Flogin");
        await SignInAsync(page, PatronApp.OwnerEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = Say("NavDuplicates", culture), Exact = true }).ClickAsync();
        // The batch run queues the pair (a second run, from the other language's test, leaves it queued).
        await page.GetByTestId("run-matching").ClickAsync();
        var pair = page.GetByTestId("duplicate-pair").Filter(new() { HasText = name });
        await Expect(pair).ToHaveCountAsync(1);
        await Expect(pair.GetByTestId("pair-field-birthday")).ToContainTextAsync("+7.0");
        await Expect(pair.GetByTestId("pair-field-mobile")).ToContainTextAsync("-4.0");
        await ScreenshotAsync(page, "duplicates", culture);

        await pair.GetByTestId("accept-pair").ClickAsync();
        await Expect(page.GetByTestId("duplicate-pair").Filter(new() { HasText = name })).ToHaveCountAsync(0);

        await page.GotoAsync($"/customers/{older.Id}");
        var ordersTable = page.GetByTestId("customer-orders");
        await Expect(ordersTable).ToContainTextAsync(orders[0]);
        await Expect(ordersTable).ToContainTextAsync(orders[1]);
        var merges = page.GetByTestId("customer-merges");
        await Expect(merges).ToContainTextAsync(Say("MergeTrigger.Review", culture));
        await ScreenshotAsync(page, "customer-merged", culture);

        await merges.GetByTestId("undo-merge").ClickAsync();
        await Expect(page.GetByTestId("customer-merges")).ToContainTextAsync(Say("MergeHistoryUndone", culture));
        await Expect(page.GetByTestId("customer-orders")).ToContainTextAsync(orders[0]);
        await Expect(page.GetByTestId("customer-orders")).Not.ToContainTextAsync(orders[1]);
        await page.GotoAsync($"/customers/{newer.Id}");
        await Expect(page.GetByTestId("customer-orders")).ToContainTextAsync(orders[1]);
        await context.CloseAsync();
    }
}

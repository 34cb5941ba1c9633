using Microsoft.Playwright;
using Patron.Commerce.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Patron.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SegmentFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_marketer_builds_a_nested_segment_sees_its_live_count_and_finds_it_on_the_customer_page(string culture)
    {
        var repeatBuyers = Fixture.Shop.Orders.Where(o => o.CustomerId is not null && o.Status == OrderStatus.Completed)
            .GroupBy(o => o.CustomerId).Count(g => g.Count() >= 2);
        var name = $"repeat-{culture}";
        var page = await OpenAsync(culture);
        await SignInAsync(page, PatronApp.OwnerEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = Say("NavSegments", culture), Exact = true }).ClickAsync();
        await page.GetByTestId("new-segment").ClickAsync();
        await Input(page, "segment-name").FillAsync(name);
        var first = page.GetByTestId("rule-condition").First;
        await first.GetByTestId("condition-field").SelectOptionAsync("frequency");
        // Field labels follow the UI language, the rule name beside them.
        await Expect(first.GetByTestId("condition-field").Locator("option[value='frequency']"))
            .ToHaveTextAsync(culture == "en" ? "Purchases (frequency)" : "消费次数 (frequency)");
        await Expect(first.GetByTestId("condition-field").Locator("option[value='monetary']"))
            .ToHaveTextAsync(culture == "en" ? "Spend (fen) (monetary)" : "消费金额(分) (monetary)");
        await first.GetByTestId("condition-op").SelectOptionAsync("gte");
        await first.Locator("input").FillAsync("2");
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync(repeatBuyers.ToString());

        // A nested "any" group that everyone who bought passes leaves the count as it is.
        await page.GetByTestId("add-group").First.ClickAsync();
        var nested = page.GetByTestId("rule-group").Nth(1);
        await nested.GetByTestId("group-mode").SelectOptionAsync("any");
        await nested.GetByTestId("condition-field").SelectOptionAsync("last_purchase");
        await nested.GetByTestId("condition-op").SelectOptionAsync("is_not_empty");
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync(repeatBuyers.ToString());
        await Expect(page.GetByTestId("sample")).ToContainTextAsync(Fixture.Shop.Wang.Name);
        await ScreenshotAsync(page, "segment-builder", culture);

        await page.GetByTestId("segment-save").ClickAsync();
        await Expect(page.GetByTestId("segments")).ToContainTextAsync(name);
        // Membership is materialised by the background refresher a moment after the save; on a busy machine, seconds.
        var row = page.GetByTestId("segments").Locator("tr", new() { HasText = name });
        for (var attempt = 0; attempt < 45 && (await row.GetByTestId("segment-size").TextContentAsync())?.Trim() != repeatBuyers.ToString(); attempt++)
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }
        await Expect(row.GetByTestId("segment-size")).ToHaveTextAsync(repeatBuyers.ToString());
        await ScreenshotAsync(page, "segments", culture);

        await page.GotoAsync("/segments/rfm");
        await Expect(page.GetByTestId("rfm-cell")).ToHaveCountAsync(25);
        await ScreenshotAsync(page, "rfm-grid", culture);
        await page.GotoAsync("/segments/lifecycle");
        await Expect(page.GetByTestId("lifecycle-funnel")).ToContainTextAsync(culture == "en" ? "Loyal" : "忠诚期");
        await ScreenshotAsync(page, "lifecycle", culture);

        // The transition matrix under the funnel: a 5 × 5 grid whose cells add up to every customer known by the month end.
        var matrix = page.GetByTestId("transition-matrix");
        await Expect(matrix.GetByTestId("transition-cell")).ToHaveCountAsync(25);
        await Expect(matrix).ToContainTextAsync(culture == "en" ? "Dormant" : "沉睡");
        var months = page.GetByTestId("transition-month").Locator("option");
        await Expect(months).ToHaveCountAsync(12);
        var earliest = await months.Last.GetAttributeAsync("value");
        await page.GetByTestId("transition-month").SelectOptionAsync(earliest!);
        await Expect(page.GetByTestId("transition-month")).ToHaveValueAsync(earliest!);
        // The hint names the chosen month's last day: the columns are as of then.
        var monthEnd = DateOnly.ParseExact(earliest + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1).AddDays(-1);
        await Expect(page.GetByTestId("transition-hint")).ToContainTextAsync(monthEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await matrix.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "lifecycle-transitions", culture);

        await page.GotoAsync($"/customers/{Fixture.Shop.Wang.Id}");
        await Expect(page.GetByTestId("customer-segment-list")).ToContainTextAsync(name);
        await Expect(page.GetByTestId("rfm-scores")).ToContainTextAsync("R");
        await Expect(page.GetByTestId("monetary")).ToContainTextAsync(culture == "en" ? "Lifetime spend: ¥" : "累计消费 ¥");
        await ScreenshotAsync(page, "customer-360-segments", culture);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_marketer_sets_up_an_auto_tag_rule_and_the_refresher_tags_the_matching_customers(string culture)
    {
        var repeatBuyers = Fixture.Shop.Orders.Where(o => o.CustomerId is not null && o.Status == OrderStatus.Completed)
            .GroupBy(o => o.CustomerId).Count(g => g.Count() >= 2);
        var (name, tag) = ($"auto-{culture}", $"回头客-{culture}");
        var page = await OpenAsync(culture);
        await SignInAsync(page, PatronApp.OwnerEmail);

        await page.GotoAsync("/segments");
        await Expect(page.GetByTestId("auto-tags")).ToBeVisibleAsync();
        await page.GetByTestId("new-auto-tag").ClickAsync();
        await Input(page, "auto-tag-name").FillAsync(name);
        await Input(page, "auto-tag-tag-input").FillAsync(tag);
        var first = page.GetByTestId("rule-condition").First;
        await first.GetByTestId("condition-field").SelectOptionAsync("frequency");
        await first.GetByTestId("condition-op").SelectOptionAsync("gte");
        await first.Locator("input").FillAsync("2");
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync(repeatBuyers.ToString());
        await ScreenshotAsync(page, "auto-tag-editor", culture);
        await page.GetByTestId("auto-tag-save").ClickAsync();

        var row = page.GetByTestId("auto-tags").Locator("tr", new() { HasText = name });
        await Expect(row.GetByTestId("auto-tag-tag")).ToHaveTextAsync(tag);
        for (var attempt = 0; attempt < 45 && (await row.GetByTestId("auto-tag-size").TextContentAsync())?.Trim() != repeatBuyers.ToString(); attempt++)
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }
        await Expect(row.GetByTestId("auto-tag-size")).ToHaveTextAsync(repeatBuyers.ToString());
        await ScreenshotAsync(page, "auto-tags", culture);
    }
}

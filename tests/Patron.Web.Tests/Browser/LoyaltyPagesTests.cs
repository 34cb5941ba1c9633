using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Patron.Loyalty;
using Patron.Platform.Audit;
using Patron.Web.Localization;
using static Microsoft.Playwright.Assertions;

namespace Patron.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LoyaltyPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_owner_sets_up_tiers_a_member_day_and_a_coupon_and_sees_them_on_the_customer_page(string culture)
    {
        var ladder = DefaultTiersHandler.Ladder();
        var page = await OpenAsync(culture);
        await SignInAsync(page, PatronApp.OwnerEmail);
        await Expect(page.GetByTestId("kpi-customers")).ToBeVisibleAsync();

        // Both languages share one database: whichever runs first creates the ladder, the other finds it.
        await page.GetByRole(AriaRole.Link, new() { Name = Say("NavLoyaltyTiers", culture) }).ClickAsync();
        var tiers = page.GetByTestId("tiers");
        await page.Locator("[data-testid=no-tiers], [data-testid=tiers] td").First.WaitForAsync();
        if (await page.GetByTestId("no-tiers").IsVisibleAsync()) await page.GetByTestId("create-default-tiers").ClickAsync();
        await Expect(tiers.Locator("tbody tr")).ToHaveCountAsync(ladder.Count);
        await Expect(tiers).ToContainTextAsync(ladder[^1].Name);
        await Expect(tiers).ToContainTextAsync(Display.Money(ladder[1].Threshold));
        await Expect(page.GetByTestId("no-tiers")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "loyalty-tiers", culture);

        // A spend threshold is edited in yuan (kept in fen): raise the second tier by ¥1, see it, then put it back.
        var edit = page.GetByTestId("tier-edit");
        await edit.Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(ladder[1].Name, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        var threshold = Input(page, "tier-edit-threshold");
        var yuan = ladder[1].Threshold / 100;
        await Expect(threshold).ToHaveValueAsync(yuan.ToString());
        foreach (var (typed, shown) in new[] { ($"{yuan + 1}", ladder[1].Threshold + 100), ($"{yuan}", ladder[1].Threshold) })
        {
            await threshold.FillAsync(typed);
            await threshold.PressAsync("Tab");
            await edit.GetByTestId("tier-edit-save").ClickAsync();
            await Expect(tiers.Locator("tbody tr").Nth(1)).ToContainTextAsync(Display.Money(shown));
        }

        var day = $"会员日-{culture}";
        await page.GotoAsync("/loyalty/member-days");
        await Input(page, "member-day-name").FillAsync(day);
        await page.GetByTestId("create-member-day").ClickAsync();
        var dayRow = page.GetByTestId("member-days").Locator("tr", new() { HasText = day });
        await Expect(dayRow).ToContainTextAsync(Say("MemberDayEveryWeekday", culture).Replace("{0}", Say("DayOfWeek.Wednesday", culture)));
        await Expect(dayRow).ToContainTextAsync("×2");
        await ScreenshotAsync(page, "loyalty-member-days", culture);

        // A second day is edited from its row and switched off; the form empties again for the next new day.
        var spare = $"临时会员日-{culture}";
        await Input(page, "member-day-name").FillAsync(spare);
        await page.GetByTestId("create-member-day").ClickAsync();
        var spareRow = page.GetByTestId("member-days").Locator("tr", new() { HasText = spare });
        await Expect(spareRow).ToContainTextAsync(Say("Yes", culture));
        await spareRow.GetByTestId("edit-member-day").ClickAsync();
        await Expect(Input(page, "member-day-name")).ToHaveValueAsync(spare);
        await Input(page, "member-day-active").UncheckAsync(new() { Force = true });
        await Expect(Input(page, "member-day-active")).Not.ToBeCheckedAsync();
        await page.GetByTestId("save-member-day").ClickAsync();
        await Expect(spareRow).ToContainTextAsync(Say("MemberDayOff", culture));
        await Expect(page.GetByTestId("create-member-day")).ToBeVisibleAsync();
        await Expect(Input(page, "member-day-name")).ToHaveValueAsync("");

        // A template without a name is refused with the handler's message, and nothing is added.
        var template = $"满100减20-{culture}";
        await page.GotoAsync("/loyalty/coupons");
        await page.GetByTestId("create-coupon-template").ClickAsync();
        // In the page's language: the field's label and the handler's message, translated.
        await Expect(page.GetByTestId("form-errors").Locator("[data-field=name]")).ToContainTextAsync(Say("LoyaltyErr.NameRequired", culture).Replace("{0}", "100"));
        await Input(page, "coupon-name").FillAsync(template);
        await page.GetByTestId("create-coupon-template").ClickAsync();
        var templateRow = page.GetByTestId("coupon-templates").Locator("tr", new() { HasText = template });
        await Expect(templateRow).ToContainTextAsync(Say("CouponThresholdText", culture).Replace("{0}", "¥100.00").Replace("{1}", "¥20.00"));
        await Expect(page.GetByTestId("form-errors")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "loyalty-coupons", culture);

        // One rule per category: the second language's save replaces the first's.
        var rule = $"水果双倍-{culture}";
        string category;
        using (var scope = Fixture.Services.CreateScope())
            category = (await scope.ServiceProvider.GetRequiredService<Patron.Commerce.ListCategoriesHandler>().HandleAsync(TestContext.Current.CancellationToken))
                .Single(c => c.Id == Fixture.Shop.Apples.CategoryId).Name;
        await page.GotoAsync("/loyalty/earn-rules");
        // On a busy machine the list and the categories arrive late: wait for them, commit the name with Tab, and let the
        // category popover close before saving, so that no step races the page's own loading.
        await Expect(page.GetByTestId("earn-rules")).ToBeVisibleAsync();
        await Input(page, "earn-rule-name").FillAsync(rule);
        await Input(page, "earn-rule-name").PressAsync("Tab");
        await page.GetByTestId("earn-rule-form").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(category, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.GetByTestId("save-earn-rule").ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToHaveCountAsync(0);
        var ruleRow = page.GetByTestId("earn-rules").Locator("tbody tr", new() { HasText = rule });
        await Expect(ruleRow).ToContainTextAsync(category);
        await Expect(ruleRow).ToContainTextAsync("×2");
        await Expect(page.GetByTestId("earn-rules").Locator("tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "loyalty-earn-rules", culture);

        // Issuing and adjusting through the page are covered by LoyaltyActionsTests; here the handlers do it, to check what the tab shows.
        var li = Fixture.Shop.Li;
        var points = 300 + culture.Length;
        var reason = $"welcome-{culture}";
        string code;
        long available, liability;
        var ct = TestContext.Current.CancellationToken;
        using (var scope = Fixture.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var templateId = (await services.GetRequiredService<ListLoyaltySetupHandler>().CouponTemplatesAsync(ct)).Single(t => t.Name == template).Id;
            code = (await services.GetRequiredService<IssueCouponHandler>().HandleAsync(new IssueCoupon(templateId, li.Id, $"issue-{culture}"), ct)).Value!.Code;
            var before = (await services.GetRequiredService<GetPointsBalanceHandler>().HandleAsync(li.Id, ct)).Available;
            var adjusted = await services.GetRequiredService<AdjustPointsHandler>()
                .HandleAsync(new AdjustPoints(li.Id, points, reason, $"adjust-{culture}"), Actor.System, ct);
            Assert.NotNull(adjusted.Value);
            available = before + points;
            liability = (await services.GetRequiredService<LoyaltyReportsHandler>().LiabilityAsync(ct)).Available;
            var run = await services.GetRequiredService<LoyaltyJobs>().RunAsync(LoyaltyJobs.EvaluateTiers, DateTime.UtcNow, ct);
            Assert.True(run.Succeeded, run.Summary);
        }

        await page.GotoAsync($"/customers/{li.Id}");
        await page.Locator(".mud-tabs").GetByText(Say("LoyaltyTab", culture), new() { Exact = true }).ClickAsync();   // "Loyalty" is the nav group too
        var panel = page.GetByTestId("customer-loyalty");
        await Expect(panel.GetByTestId("loyalty-available")).ToContainTextAsync(available.ToString("N0"));
        await Expect(panel.GetByTestId("loyalty-progress")).ToContainTextAsync(ladder[1].Name);
        await Expect(panel.GetByTestId("loyalty-progress")).ToContainTextAsync(Display.Money(ladder[1].Threshold));
        var ledgerRow = panel.GetByTestId("loyalty-ledger").Locator("tr", new() { HasText = reason });
        await Expect(ledgerRow).ToContainTextAsync(Say("PointsEntryKind.Adjust", culture));
        await Expect(ledgerRow).ToContainTextAsync($"+{points}");
        await Expect(panel.GetByTestId("loyalty-coupons").Locator("tr", new() { HasText = code })).ToContainTextAsync(template);
        await Expect(panel.GetByTestId("loyalty-expiring")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "customer-loyalty", culture);

        await page.GetByRole(AriaRole.Link, new() { Name = Say("NavLoyaltyReports", culture) }).ClickAsync();
        var performance = page.GetByTestId("coupon-performance").Locator("tr", new() { HasText = template });
        await Expect(performance.Locator("td").Nth(1)).ToHaveTextAsync("1");   // issued to Li above, not redeemed
        await Expect(performance.Locator("td").Nth(2)).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("liability-available")).ToContainTextAsync(liability.ToString("N0"));
        var runRow = page.GetByTestId("job-runs").Locator("tbody tr", new() { HasText = Say("LoyaltyJob.evaluate-tiers", culture) }).First;
        await Expect(runRow).ToContainTextAsync(Say("JobRunOk", culture));
        await ScreenshotAsync(page, "loyalty-report", culture);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task An_analyst_reads_the_programme_but_gets_no_forms_to_change_it(string culture)
    {
        var page = await OpenAsync(culture);
        await SignInAsync(page, BrowserFixture.AnalystEmail);
        await Expect(page.GetByTestId("kpi-customers")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Say("NavLoyaltyCoupons", culture) })).ToBeVisibleAsync();

        // The owner's pages show these forms on load (see above); catalog.edit is what the analyst lacks.
        foreach (var (path, table, form) in new[]
                 {
                     ("/loyalty/coupons", "coupon-templates", "coupon-form"), ("/loyalty/member-days", "member-days", "member-day-form"),
                     ("/loyalty/earn-rules", "earn-rules", "earn-rule-form"),
                 })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByTestId(table)).ToBeVisibleAsync();
            await Expect(page.GetByTestId(form)).ToHaveCountAsync(0);
        }
        await page.GotoAsync("/loyalty/tiers");
        await Expect(page.GetByTestId("tiers")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("create-default-tiers")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "loyalty-tiers-analyst", culture);
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform.Audit;
using Patron.Segmentation;
using Patron.Segmentation.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Patron.Web.Tests.Browser;

/// <summary>The owner issues a coupon and adjusts points on a customer's loyalty tab, and issues a template to a segment.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoyaltyActionsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_owner_issues_a_coupon_adjusts_points_and_issues_a_template_to_a_segment(string culture)
    {
        var template = $"会员礼券-{culture}";
        var segment = $"买过的顾客-{culture}";
        Guid segmentId;
        using (var scope = Fixture.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            Assert.NotNull((await services.GetRequiredService<CreateCouponTemplateHandler>().HandleAsync(
                new CreateCouponTemplate(template, CouponKind.AmountOff, AmountOff: 1500, ValidDays: 30), Actor.System, Ct)).Value);
            segmentId = (await services.GetRequiredService<CreateSegmentHandler>().HandleAsync(new CreateSegment(segment,
                JsonNode.Parse("""{"all": [{"field": "frequency", "op": "gte", "value": 1}]}""")), Actor.System, Ct)).Value!.Id;
        }

        var page = await OpenAsync(culture);
        await SignInAsync(page, PatronApp.OwnerEmail);
        await Expect(page.GetByTestId("kpi-customers")).ToBeVisibleAsync();

        var zhao = Fixture.Shop.Zhao;
        await page.GotoAsync($"/customers/{zhao.Id}");
        await page.Locator(".mud-tabs").GetByText(Say("LoyaltyTab", culture), new() { Exact = true }).ClickAsync();
        var panel = page.GetByTestId("customer-loyalty");
        await Expect(panel.GetByTestId("loyalty-actions")).ToBeVisibleAsync();

        await panel.GetByTestId("issue-coupon-form").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(template, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await panel.GetByTestId("issue-coupon").ClickAsync();
        await Expect(panel.GetByTestId("loyalty-coupons").Locator("tr", new() { HasText = template })).ToContainTextAsync(Say("CouponStatus.Issued", culture));

        // The reason is required: the handler refuses, the page says so, and nothing is written.
        var adjust = panel.GetByTestId("adjust-points-form");
        var points = 40 + culture.Length;
        await Input(page, "adjust-amount").FillAsync(points.ToString());
        await Input(page, "adjust-amount").PressAsync("Tab");
        await adjust.GetByTestId("adjust-points").ClickAsync();
        await Expect(adjust.GetByTestId("form-errors").Locator("[data-field=reason]")).ToContainTextAsync(Say("LoyaltyErr.ReasonRequired", culture));
        await Expect(adjust.GetByTestId("form-errors").Locator("[data-field=reason]")).ToContainTextAsync(Say("LoyaltyField.reason", culture));
        var reason = $"补偿-{culture}";
        await Input(page, "adjust-reason").FillAsync(reason);
        await Input(page, "adjust-reason").PressAsync("Tab");
        await adjust.GetByTestId("adjust-points").ClickAsync();
        var ledgerRow = panel.GetByTestId("loyalty-ledger").Locator("tr", new() { HasText = reason });
        await Expect(ledgerRow).ToContainTextAsync($"+{points}");
        await Expect(ledgerRow).ToContainTextAsync(Say("PointsEntryKind.Adjust", culture));
        await Expect(adjust.GetByTestId("form-errors")).ToHaveCountAsync(0);
        // The emptied reason field is ready for the next change, not already complaining that it is required.
        await Expect(Input(page, "adjust-reason")).ToHaveValueAsync("");
        await Expect(adjust.Locator(".mud-input-error")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "customer-loyalty-actions", culture);

        // The segment fills on the refresher's next pass (seconds): wait for its members before issuing to them.
        var members = 0;
        for (var i = 0; i < 60 && members == 0; i++)
        {
            using var scope = Fixture.Services.CreateScope();
            members = (await scope.ServiceProvider.GetRequiredService<SegmentRoster>().CurrentMembersAsync(segmentId, Ct)).Count;
            if (members == 0) await Task.Delay(500, Ct);
        }
        Assert.True(members > 0);

        await page.GotoAsync("/loyalty/coupons");
        var issue = page.GetByTestId("segment-issue");
        await Expect(issue).ToBeVisibleAsync();
        await issue.Locator(".mud-select", new() { HasText = Say("ActionTemplate", culture) }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(template, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await issue.Locator(".mud-select", new() { HasText = Say("SegmentIssueSegment", culture) }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(segment).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await issue.GetByTestId("segment-issue-run").ClickAsync();
        // Every member gets one; none had this batch before; the template has no limits.
        await Expect(issue.GetByTestId("segment-issue-result")).ToContainTextAsync(Say("SegmentIssueResult", culture)
            .Replace("{0}", members.ToString()).Replace("{1}", members.ToString()).Replace("{2}", "0").Replace("{3}", "0").Replace("{4}", "0"));
        var row = page.GetByTestId("coupon-templates").Locator("tr", new() { HasText = template });
        // Issued: Zhao's from the tab, plus one per member.
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync((members + 1).ToString());
        await ScreenshotAsync(page, "loyalty-segment-issue", culture);
    }
}

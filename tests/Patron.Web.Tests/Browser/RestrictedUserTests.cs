using Microsoft.Playwright;
using Patron.Platform.Identity;
using Patron.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Patron.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RestrictedUserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task An_analyst_sees_masked_mobiles_no_audit_link_and_is_refused_the_audit_log(string culture)
    {
        var page = await OpenAsync(culture);
        await SignInAsync(page, BrowserFixture.AnalystEmail);
        await Expect(page.GetByTestId("kpi-customers")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Say("NavCustomers", culture) })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Say("NavAudit", culture) })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Say("NavApiKeys", culture) })).ToHaveCountAsync(0);

        await page.GotoAsync("/customers");
        await Expect(page.GetByTestId("customer-link")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("customers").GetByTestId("mobile").Filter(new() { HasText = "138****1234" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("customers")).Not.ToContainTextAsync("138 1234 1234");
        await ScreenshotAsync(page, "customers-analyst", culture);

        await page.GetByTestId("customer-link").First.ClickAsync();
        await Expect(page.GetByTestId("profile")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("reveal")).ToHaveCountAsync(0);

        await page.GotoAsync("/audit");
        await Expect(page.GetByTestId("access-denied")).ToHaveTextAsync(Say("AccessDenied", culture));
        await ScreenshotAsync(page, "access-denied", culture);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Five_wrong_passwords_lock_the_account(string culture)
    {
        var email = $"locked-{culture}@patron.test";
        await Fixture.CreateUserAsync(email, Roles.Marketer);
        var page = await OpenAsync(culture);

        for (var attempt = 1; attempt < IdentitySetup.MaxFailedSignIns; attempt++)
        {
            await SignInAsync(page, email, "Wrong-password-1");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Say("SignInInvalid", culture));
        }
        await SignInAsync(page, email, "Wrong-password-1");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Say("SignInLocked", culture));

        // Locked means locked: even the right password is refused now.
        await SignInAsync(page, email);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Say("SignInLocked", culture));
        await ScreenshotAsync(page, "locked", culture);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Patron.Platform.Identity;
using Patron.Web.Localization;

namespace Patron.Web.Security;

static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", SignInAsync).AllowAnonymous();
        app.MapPost("/account/logout", async (SignInManager<PatronUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
        app.MapGet("/culture", SetCulture).AllowAnonymous();
    }

    static async Task<IResult> SignInAsync([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
        SignInManager<PatronUser> signIn)
    {
        var target = SafeLocal(returnUrl);
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return Results.LocalRedirect(target);
        var error = result.IsLockedOut ? "locked" : "invalid";
        return Results.LocalRedirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
    }

    /// <summary>Remembers the chosen language in the standard culture cookie for a year.</summary>
    static IResult SetCulture(string culture, string? redirectUri, HttpContext http)
    {
        if (!Cultures.Supported.Contains(culture)) culture = Cultures.Default;
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(SafeLocal(redirectUri));
    }

    static string SafeLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Patron.Web.Components.Shared;

/// <summary>
/// Base for pages that act for the signed-in user: resolves <see cref="CurrentUser"/> from the authentication state and
/// the client address captured when the page was first requested (a circuit has no HttpContext afterwards).
/// </summary>
public abstract class UserPage : ComponentBase
{
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }
    [CascadingParameter(Name = "ClientIp")] string? ClientIp { get; set; }

    protected async Task<CurrentUser> GetUserAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        return new CurrentUser(state?.User ?? new System.Security.Claims.ClaimsPrincipal(), ClientIp);
    }
}

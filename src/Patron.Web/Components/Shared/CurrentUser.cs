using System.Security.Claims;
using Patron.Platform.Audit;
using Patron.Web.Security;

namespace Patron.Web.Components.Shared;

/// <summary>The signed-in user as a page sees it: what they may do and who they are in the audit trail.</summary>
public sealed record CurrentUser(ClaimsPrincipal Principal, string? IpAddress)
{
    public bool Can(string permission) => PermissionHandler.Has(Principal, permission);

    public Actor Actor => Actor.From(Principal, IpAddress);

    public string Name => Principal.Identity?.Name ?? "";
}

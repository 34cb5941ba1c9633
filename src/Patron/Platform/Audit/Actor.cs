using System.Security.Claims;

namespace Patron.Platform.Audit;

/// <summary>Who is acting: a signed-in user, an API key or Patron itself.</summary>
public sealed record Actor(ActorKind Kind, string Id, string Name, string? IpAddress = null)
{
    public static readonly Actor System = new(ActorKind.System, "system", "system");

    public const string ActorKindClaim = "patron:actor-kind";

    public static Actor From(ClaimsPrincipal principal, string? ipAddress)
    {
        var kind = principal.FindFirstValue(ActorKindClaim) == nameof(ActorKind.ApiKey) ? ActorKind.ApiKey : ActorKind.User;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var name = principal.Identity?.Name ?? id;
        return new Actor(kind, id, name, ipAddress);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Patron.Platform.Security;

namespace Patron.Web.Security;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Users get permissions through their roles (<see cref="Roles.Grants"/>); API keys carry them as scope claims.</summary>
sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (Has(context.User, requirement.Permission)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    public static bool Has(ClaimsPrincipal user, string permission) =>
        user.HasClaim(Permissions.Claim, permission) ||
        Roles.Grant(user.FindAll(ClaimTypes.Role).Select(c => c.Value), permission);
}

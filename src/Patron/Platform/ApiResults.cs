using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Patron.Platform.Audit;

namespace Patron.Platform;

/// <summary>What every module API needs from the request: who acts, what they may do, and the shared error shapes.</summary>
public static class ApiResults
{
    public static Actor Actor(HttpContext http) => Audit.Actor.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    /// <summary>For decisions inside an endpoint (show or mask) rather than at its door: the same policies as RequireAuthorization.</summary>
    public static async Task<bool> HoldsAsync(HttpContext http, string permission) =>
        (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, permission)).Succeeded;

    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {what} has this id.", detail: $"{what} {id} does not exist.");

    public static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "Some fields are invalid; nothing was saved.");
}

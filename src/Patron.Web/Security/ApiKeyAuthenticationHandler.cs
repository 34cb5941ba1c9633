using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Patron.Platform.ApiKeys;
using Patron.Platform.Audit;
using Patron.Platform.Security;

namespace Patron.Web.Security;

/// <summary>Authenticates integrations by the X-Api-Key header; the key's scopes become permission claims.</summary>
sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    public static bool HasKey(HttpRequest request) => request.Headers.ContainsKey(Header);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(presented)) return AuthenticateResult.NoResult();
        var key = await Context.RequestServices.GetRequiredService<ApiKeyService>().VerifyAsync(presented, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("The API key is unknown or revoked.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, $"apikey:{key.Name}"),
            new(Actor.ActorKindClaim, nameof(ActorKind.ApiKey)),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(Permissions.Claim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Web.Security;

/// <summary>
/// Authenticates software with <c>Authorization: Bearer tw_…</c>. The key acts for one organisation in its role,
/// exactly like a signed-in member of it.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAccountsQueries accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string SelectorScheme = "Tradewind";
    private const string BearerPrefix = "Bearer ";

    public static bool HasBearerHeader(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerHeader(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        var principal = await accounts.AuthenticateApiKeyAsync(presented, Context.RequestAborted);
        if (principal is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"api-key:{principal.KeyId}"),
                new Claim(ClaimTypes.Name, $"api-key:{principal.KeyId}"),
                new Claim(ClaimTypes.Role, principal.Role),
                new Claim(TradewindClaims.OrganisationId, principal.OrganisationId.ToString()),
                new Claim(TradewindClaims.OrganisationName, principal.OrganisationName),
                new Claim(TradewindClaims.DisplayName, principal.Name),
                new Claim(TradewindClaims.ApiKeyId, principal.KeyId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}

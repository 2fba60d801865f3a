using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>Who the caller is: handy for checking that an API key works and what it may do.</summary>
internal static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).WithTags("Identity").WithSummary("The calling person or API key").RequireAuthorization();
        return api;
    }

    public sealed record MeResponse(Guid OrganisationId, string OrganisationName, string Role, string Name, string AuthenticatedWith);

    private static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.OrganisationId().Value,
        user.OrganisationName(),
        user.Role() ?? "",
        user.DisplayName(),
        user.HasClaim(c => c.Type == TradewindClaims.ApiKeyId) ? "api-key" : "session"));
}

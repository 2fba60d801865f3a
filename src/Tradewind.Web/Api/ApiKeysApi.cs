using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>API keys of the caller's own organisation. A key's secret is shown once, when it is issued.</summary>
internal static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization();
        group.MapGet("/", List).WithSummary("Your organisation's API keys (secrets are never returned)");
        group.MapPost("/", Issue).WithSummary("Issue a key for your organisation; the secret is in this response only");
        group.MapDelete("/{id:guid}", Revoke).WithSummary("Revoke a key; it stops working at once");
        return api;
    }

    public sealed record ApiKeyResponse(Guid Id, string Name, string Role, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    public sealed record IssuedApiKeyResponse(Guid Id, string Name, string Role, string Prefix, DateTimeOffset CreatedAt, string Secret);

    public sealed record IssueApiKeyRequest(string Name);

    private static async Task<Ok<ApiPage<ApiKeyResponse>>> List(IAccountsQueries accounts, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await accounts.ListApiKeysAsync(user.OrganisationId(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<ApiKeyResponse>.From(result, ToResponse));
    }

    private static async Task<Created<IssuedApiKeyResponse>> Issue(IssueApiKeyRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var issued = await accounts.IssueApiKeyAsync(user.OrganisationId(), request.Name, user.Actor(), cancellationToken);
        var key = issued.Key;
        return TypedResults.Created(
            $"/api/v1/api-keys/{key.Id}",
            new IssuedApiKeyResponse(key.Id.Value, key.Name, key.Role, key.Prefix, key.CreatedAt, issued.Secret));
    }

    private static async Task<Ok<ApiKeyResponse>> Revoke(Guid id, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.RevokeApiKeyAsync(user.OrganisationId(), ApiKeyId.From(id), user.Actor(), cancellationToken)));

    private static ApiKeyResponse ToResponse(ApiKeyDto k) => new(k.Id.Value, k.Name, k.Role, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

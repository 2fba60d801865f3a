using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// A seller's AWS access keys, which sign calls to the AWS-compatible API (<c>POST /</c>, see
/// docs/aws-compatible-api.md). The secret access key is in the create and rotate responses only. The operator
/// reads every seller's keys (never a secret) and changes none; another seller's key answers 404.
/// </summary>
internal static class AwsAccessKeysApi
{
    public static RouteGroupBuilder MapAwsAccessKeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/aws-access-keys").WithTags("AWS access keys")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator));
        group.MapGet("/", List).WithSummary("A seller's own AWS access keys; the operator sees every seller's (filter with sellerId). Secrets are never returned");
        group.MapPost("/", Create).RequireAuthorization(Policies.Seller)
            .WithSummary("Create an AWS access key; the secretAccessKey is in this response only (send an Idempotency-Key)");
        group.MapPost("/{id:guid}/rotate", Rotate).RequireAuthorization(Policies.Seller)
            .WithSummary("Replace a key with a new one of the same name; the old key keeps signing for 24 hours unless revoked");
        group.MapDelete("/{id:guid}", Revoke).RequireAuthorization(Policies.Seller).WithSummary("Revoke a key; it stops signing at once");
        return api;
    }

    public sealed record AwsAccessKeyResponse(
        Guid Id,
        Guid SellerId,
        string Name,
        string AccessKeyId,
        string Status,
        DateTimeOffset CreatedAt,
        DateTimeOffset? LastUsedAt,
        DateTimeOffset? ExpiresAt,
        DateTimeOffset? RevokedAt,
        Guid? ReplacedById);

    public sealed record CreatedAwsAccessKeyResponse(Guid Id, string Name, string AccessKeyId, string SecretAccessKey, DateTimeOffset CreatedAt);

    public sealed record CreateAwsAccessKeyRequest(string Name);

    private static async Task<Ok<ApiPage<AwsAccessKeyResponse>>> List(
        IAccountsQueries accounts, ClaimsPrincipal user, TimeProvider clock, Guid? sellerId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        // A seller always sees its own; the operator sees everyone's or one seller's.
        var scope = user.IsInRole(Roles.Operator) ? (sellerId is { } id ? OrganisationId.From(id) : (OrganisationId?)null) : user.OrganisationId();
        var result = await accounts.ListAwsAccessKeysAsync(scope, PageRequest.From(page, pageSize), cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(ApiPage<AwsAccessKeyResponse>.From(result, k => ToResponse(k, now)));
    }

    private static async Task<Created<CreatedAwsAccessKeyResponse>> Create(
        CreateAwsAccessKeyRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ToCreated(await accounts.CreateAwsAccessKeyAsync(user.OrganisationId(), request.Name, user.Actor(), cancellationToken));

    private static async Task<Created<CreatedAwsAccessKeyResponse>> Rotate(Guid id, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ToCreated(await accounts.RotateAwsAccessKeyAsync(user.OrganisationId(), AwsAccessKeyId.From(id), user.Actor(), cancellationToken));

    private static async Task<Ok<AwsAccessKeyResponse>> Revoke(Guid id, IAccountsCommands accounts, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.RevokeAwsAccessKeyAsync(user.OrganisationId(), AwsAccessKeyId.From(id), user.Actor(), cancellationToken), clock.GetUtcNow()));

    private static Created<CreatedAwsAccessKeyResponse> ToCreated(IssuedAwsAccessKey issued) =>
        TypedResults.Created(
            $"/api/v1/aws-access-keys/{issued.Key.Id}",
            new CreatedAwsAccessKeyResponse(issued.Key.Id.Value, issued.Key.Name, issued.Key.AccessKeyId, issued.SecretAccessKey, issued.Key.CreatedAt));

    /// <summary>Status: <c>active</c>, <c>rotating</c> (replaced, still signing until expiresAt), <c>expired</c> or <c>revoked</c>.</summary>
    private static AwsAccessKeyResponse ToResponse(AwsAccessKeyDto k, DateTimeOffset now) => new(
        k.Id.Value,
        k.OrganisationId.Value,
        k.Name,
        k.AccessKeyId,
        StatusOf(k, now),
        k.CreatedAt,
        k.LastUsedAt,
        k.ExpiresAt,
        k.RevokedAt,
        k.ReplacedById?.Value);

    internal static string StatusOf(AwsAccessKeyDto k, DateTimeOffset now) =>
        k.RevokedAt is not null ? "revoked" : k.ExpiresAt is { } e && e <= now ? "expired" : k.ExpiresAt is not null ? "rotating" : "active";
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// A seller's AWS access keys, which sign calls to the AWS-compatible API (<c>POST /</c>, see
/// docs/aws-compatible-api.md). The secret access key is in the create and rotate responses only. The operator
/// reads every seller's keys (never a secret) and changes none; another seller's key answers 404. A key created with a
/// <c>customerIdentifier</c> is bound to that customer (one of the seller's): it signs <c>MeterUsage</c> and
/// <c>RegisterUsage</c> for that customer, from software the seller runs in the customer's environment.
/// </summary>
internal static class AwsAccessKeysApi
{
    public static RouteGroupBuilder MapAwsAccessKeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/aws-access-keys").WithTags("AWS access keys")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator));
        group.MapGet("/", List).WithSummary("A seller's own AWS access keys; the operator sees every seller's (filter with sellerId). Secrets are never returned");
        group.MapPost("/", Create).RequireAuthorization(Policies.Seller)
            .WithSummary("Create an AWS access key, optionally bound to one of your customers; the secretAccessKey is in this response only (send an Idempotency-Key)");
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
        Guid? ReplacedById,
        string? CustomerIdentifier);

    public sealed record CreatedAwsAccessKeyResponse(Guid Id, string Name, string AccessKeyId, string SecretAccessKey, DateTimeOffset CreatedAt, string? CustomerIdentifier);

    /// <param name="Name">Where the key is used, 1 to 100 characters.</param>
    /// <param name="CustomerIdentifier">Binds the key to this customer of yours (for software you run in its environment); omit for a seller-wide key.</param>
    public sealed record CreateAwsAccessKeyRequest(string Name, string? CustomerIdentifier = null);

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
        CreateAwsAccessKeyRequest request, IAccountsCommands accounts, IAgreementsQueries agreements, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var customer = await RequireOwnCustomerAsync(agreements, request.CustomerIdentifier, user.AgreementsCaller(), cancellationToken);
        return ToCreated(await accounts.CreateAwsAccessKeyAsync(user.OrganisationId(), request.Name, customer, user.Actor(), cancellationToken));
    }

    /// <summary>
    /// Null for a blank identifier (a seller-wide key); otherwise the identifier, once an agreement of one of the seller's
    /// products names it. Another seller's customer is refused exactly like one that does not exist.
    /// </summary>
    /// <exception cref="ValidationFailedException">No agreement of the seller names the customer.</exception>
    internal static async Task<string?> RequireOwnCustomerAsync(IAgreementsQueries agreements, string? customerIdentifier, AgreementsCaller seller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerIdentifier))
        {
            return null;
        }

        var trimmed = customerIdentifier.Trim();
        var found = await agreements.ListAsync(new AgreementFilter(CustomerIdentifier: trimmed), seller, new PageRequest(1, 1), cancellationToken);
        if (found.TotalCount == 0)
        {
            throw new ValidationFailedException("customerIdentifier", $"'{trimmed}' is not a customer of your products. Use the customerIdentifier of one of your agreements.");
        }

        return trimmed;
    }

    private static async Task<Created<CreatedAwsAccessKeyResponse>> Rotate(Guid id, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ToCreated(await accounts.RotateAwsAccessKeyAsync(user.OrganisationId(), AwsAccessKeyId.From(id), user.Actor(), cancellationToken));

    private static async Task<Ok<AwsAccessKeyResponse>> Revoke(Guid id, IAccountsCommands accounts, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.RevokeAwsAccessKeyAsync(user.OrganisationId(), AwsAccessKeyId.From(id), user.Actor(), cancellationToken), clock.GetUtcNow()));

    private static Created<CreatedAwsAccessKeyResponse> ToCreated(IssuedAwsAccessKey issued) =>
        TypedResults.Created(
            $"/api/v1/aws-access-keys/{issued.Key.Id}",
            new CreatedAwsAccessKeyResponse(
                issued.Key.Id.Value, issued.Key.Name, issued.Key.AccessKeyId, issued.SecretAccessKey, issued.Key.CreatedAt, issued.Key.BoundCustomerIdentifier));

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
        k.ReplacedById?.Value,
        k.BoundCustomerIdentifier);

    internal static string StatusOf(AwsAccessKeyDto k, DateTimeOffset now) =>
        k.RevokedAt is not null ? "revoked" : k.ExpiresAt is { } e && e <= now ? "expired" : k.ExpiresAt is not null ? "rotating" : "active";
}

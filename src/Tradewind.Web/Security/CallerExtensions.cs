using System.Security.Claims;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Security;

/// <summary>Reads who is calling from the principal that authentication built (cookie or API key).</summary>
internal static class CallerExtensions
{
    public static OrganisationId OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TradewindClaims.OrganisationId), out var id)
            ? Primitives.Ids.OrganisationId.From(id)
            : throw new InvalidOperationException("The caller has no organisation claim.");

    public static string OrganisationName(this ClaimsPrincipal user) => user.FindFirstValue(TradewindClaims.OrganisationName) ?? "";

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(TradewindClaims.DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>How the audit trail names the caller: the person's e-mail or <c>api-key:{id}</c>.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    /// <summary>The seller whose data the caller may see: its own organisation for a seller, null (every seller) for the operator.</summary>
    public static OrganisationId? SellerScope(this ClaimsPrincipal user) => user.IsInRole(Roles.Operator) ? null : user.OrganisationId();

    public static string? Role(this ClaimsPrincipal user) => Roles.All.FirstOrDefault(user.IsInRole);

    /// <summary>The caller as the Catalog scopes it: a seller sees its own products, the operator every product.</summary>
    public static CatalogCaller CatalogCaller(this ClaimsPrincipal user) => new(user.OrganisationId(), user.IsInRole(Roles.Operator), user.Actor());
}

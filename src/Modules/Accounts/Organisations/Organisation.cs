using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Organisations;

/// <summary>
/// A company on the marketplace: the operator itself, a seller (software vendor) or a buyer. Every user and
/// API key belongs to exactly one, and every seller- or buyer-scoped read is filtered by it.
/// </summary>
internal sealed class Organisation
{
    public OrganisationId Id { get; init; }

    public required string Name { get; set; }

    public OrganisationKind Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the country the organisation is established in.</summary>
    public required string CountryCode { get; set; }

    /// <summary>ISO 3166-2 code where tax depends on it (US state, Canadian province, Indian state).</summary>
    public string? SubdivisionCode { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public string Role => Kind switch
    {
        OrganisationKind.Operator => Roles.Operator,
        OrganisationKind.Seller => Roles.Seller,
        OrganisationKind.Buyer => Roles.Buyer,
        _ => throw new InvalidOperationException($"Unknown organisation kind {Kind}."),
    };

    public OrganisationDto ToDto() => new(Id, Name, Kind, CountryCode, SubdivisionCode, CreatedAt);
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>Reads from the Accounts module; any module may call these.</summary>
public interface IAccountsQueries
{
    Task<OrganisationDto?> FindOrganisationAsync(OrganisationId id, CancellationToken cancellationToken);

    Task<Page<OrganisationDto>> ListOrganisationsAsync(OrganisationKind? kind, PageRequest page, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<OrganisationKind, int>> CountOrganisationsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<OperatorEntityDto>> ListOperatorEntitiesAsync(CancellationToken cancellationToken);

    Task<Page<ApiKeyDto>> ListApiKeysAsync(OrganisationId organisationId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Checks a presented bearer key; null when it is unknown, malformed or revoked.</summary>
    Task<ApiKeyPrincipal?> AuthenticateApiKeyAsync(string presentedKey, CancellationToken cancellationToken);

    Task<Page<AuditEntryDto>> ListAuditTrailAsync(OrganisationId? organisationId, PageRequest page, CancellationToken cancellationToken);

    Task<bool> AnyOrganisationAsync(CancellationToken cancellationToken);
}

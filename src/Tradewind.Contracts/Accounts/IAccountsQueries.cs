using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>Reads from the Accounts module; any module may call these.</summary>
public interface IAccountsQueries
{
    Task<OrganisationDto?> FindOrganisationAsync(OrganisationId id, CancellationToken cancellationToken);

    /// <summary>
    /// What server-generated text for a person is written in: their saved UI language (null when they follow their
    /// browser) and their organisation's country. Null when the person does not exist.
    /// </summary>
    Task<UserLocaleDto?> FindUserLocaleAsync(UserId userId, CancellationToken cancellationToken);

    Task<Page<OrganisationDto>> ListOrganisationsAsync(OrganisationKind? kind, PageRequest page, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<OrganisationKind, int>> CountOrganisationsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<OperatorEntityDto>> ListOperatorEntitiesAsync(CancellationToken cancellationToken);

    Task<OperatorEntityDto?> FindOperatorEntityAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// The decrypted details of the entity's collection account in <paramref name="currency"/>, or null when it has none.
    /// For payment files only (Payments); never show them.
    /// </summary>
    Task<CollectionAccountDetails?> FindCollectionAccountDetailsAsync(string entityCode, string currency, CancellationToken cancellationToken);

    /// <summary>The issuing-entity rules in the order they are tried.</summary>
    Task<IReadOnlyList<RoutingRuleDto>> ListRoutingRulesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The operator entity that invoices a buyer in <paramref name="buyerCountry"/> for a (verified) seller entity
    /// established in <paramref name="sellerCountry"/>. Unknown countries are refused as field errors
    /// (<c>buyerCountry</c>, <c>sellerCountry</c>); no matching rule is a <see cref="DomainException"/> <c>no-issuing-entity</c>.
    /// </summary>
    Task<IssuingEntityDto> ResolveIssuingEntityAsync(string buyerCountry, string sellerCountry, CancellationToken cancellationToken);

    /// <summary>
    /// One seller entity. With <paramref name="sellerId"/>, only if it belongs to that seller (another seller's
    /// entity is null, as if it did not exist); without, any seller's (operator reads and other modules).
    /// </summary>
    Task<SellerEntityDto?> FindSellerEntityAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken);

    /// <summary>The legal entities of one seller, oldest first. A product or offer names one of them as its seller of record.</summary>
    Task<IReadOnlyList<SellerEntityDto>> ListSellerEntitiesAsync(OrganisationId sellerId, CancellationToken cancellationToken);

    /// <summary>Every seller's entities (operator), optionally only those in one KYC status, oldest first.</summary>
    Task<Page<SellerEntityDto>> ListAllSellerEntitiesAsync(KycStatus? status, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The tax form on file; null when there is none or the entity is not visible to <paramref name="sellerId"/>.</summary>
    Task<TaxFormFile?> GetTaxFormAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken);

    /// <summary>A seller entity's payout accounts, masked. Throws <c>seller-entity-not-found</c> when the entity is not visible.</summary>
    Task<IReadOnlyList<BankAccountDto>> ListBankAccountsAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken);

    /// <summary>The payout currencies a seller entity has enabled, each with its account.</summary>
    Task<IReadOnlyList<PayoutCurrencyDto>> ListPayoutCurrenciesAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken);

    Task<Page<ApiKeyDto>> ListApiKeysAsync(OrganisationId organisationId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Checks a presented bearer key; null when it is unknown, malformed or revoked.</summary>
    Task<ApiKeyPrincipal?> AuthenticateApiKeyAsync(string presentedKey, CancellationToken cancellationToken);

    /// <summary>AWS access keys of one seller, or of every seller when <paramref name="sellerId"/> is null (operator view); newest first.</summary>
    Task<Page<AwsAccessKeyDto>> ListAwsAccessKeysAsync(OrganisationId? sellerId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// The signing credential of an active key by its AWS-shaped id, or null when it is unknown, revoked or past its
    /// grace period. Served from a short-lived per-node cache so verification does not decrypt on every request.
    /// </summary>
    Task<AwsSigningCredential?> FindAwsSigningCredentialAsync(string accessKeyId, CancellationToken cancellationToken);

    /// <summary>Records that a key signed a request; written at most every few minutes per key.</summary>
    Task RecordAwsAccessKeyUseAsync(AwsAccessKeyId keyId, CancellationToken cancellationToken);

    Task<Page<AuditEntryDto>> ListAuditTrailAsync(OrganisationId? organisationId, PageRequest page, CancellationToken cancellationToken);

    Task<bool> AnyOrganisationAsync(CancellationToken cancellationToken);

    /// <summary>A buyer organisation's billing profile; null when it has none (buyers created before self-service sign-up).</summary>
    Task<BuyerProfileDto?> FindBuyerProfileAsync(OrganisationId buyerId, CancellationToken cancellationToken);

    /// <summary>The people of one organisation, by e-mail.</summary>
    Task<IReadOnlyList<UserDto>> ListUsersAsync(OrganisationId organisationId, CancellationToken cancellationToken);

    /// <summary>
    /// What invoicing needs of many buyers at once (a billing run's page): each one's organisation, billing profile and the
    /// first e-mail of its people by address; buyers that do not exist are left out.
    /// </summary>
    Task<IReadOnlyList<BillingBuyerDto>> ListBillingBuyersAsync(IReadOnlyCollection<OrganisationId> buyerIds, CancellationToken cancellationToken);
}

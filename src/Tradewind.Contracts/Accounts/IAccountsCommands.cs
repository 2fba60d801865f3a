using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>Changes to the Accounts module; only the web host calls these.</summary>
public interface IAccountsCommands
{
    Task<OrganisationDto> CreateOrganisationAsync(NewOrganisation organisation, string actor, CancellationToken cancellationToken);

    /// <summary>Creates a person in an organisation; the role follows the organisation's kind.</summary>
    Task<UserDto> CreateUserAsync(NewUser user, string actor, CancellationToken cancellationToken);

    Task<OperatorEntityDto> CreateOperatorEntityAsync(NewOperatorEntity entity, string actor, CancellationToken cancellationToken);

    /// <summary>Changes the entity with <paramref name="code"/>; the code itself never changes.</summary>
    Task<OperatorEntityDto> UpdateOperatorEntityAsync(string code, NewOperatorEntity entity, string actor, CancellationToken cancellationToken);

    /// <summary>Replaces the whole issuing-entity table, checked as a whole.</summary>
    Task<IReadOnlyList<RoutingRuleDto>> ReplaceRoutingRulesAsync(IReadOnlyList<RoutingRuleInput> rules, string actor, CancellationToken cancellationToken);

    /// <summary>Registers a legal entity of <paramref name="sellerId"/> in an eligible jurisdiction; it waits for KYC review.</summary>
    Task<SellerEntityDto> CreateSellerEntityAsync(OrganisationId sellerId, NewSellerEntity entity, string actor, CancellationToken cancellationToken);

    /// <summary>Stores the entity's tax form (PDF); a rejected entity goes back to the review queue.</summary>
    Task<SellerEntityDto> UploadTaxFormAsync(OrganisationId sellerId, SellerEntityId id, TaxFormFile file, string actor, CancellationToken cancellationToken);

    /// <summary>The operator accepts the entity until <paramref name="expiresAt"/> (two years when null).</summary>
    Task<SellerEntityDto> VerifySellerEntityAsync(SellerEntityId id, DateTimeOffset? expiresAt, string actor, CancellationToken cancellationToken);

    Task<SellerEntityDto> RejectSellerEntityAsync(SellerEntityId id, string reason, string actor, CancellationToken cancellationToken);

    /// <summary>Adds a payout account; it is pending until the two small deposits sent to it are confirmed.</summary>
    Task<BankAccountDto> AddBankAccountAsync(OrganisationId sellerId, SellerEntityId entityId, NewBankAccount account, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// The seller confirms the two deposit amounts (major units, any order). A wrong pair counts as an attempt and is
    /// refused (<c>micro-deposits-mismatch</c>); the third wrong pair locks the account.
    /// </summary>
    Task<BankAccountDto> ConfirmMicroDepositsAsync(OrganisationId sellerId, SellerEntityId entityId, BankAccountId accountId, IReadOnlyList<decimal> amounts, string actor, CancellationToken cancellationToken);

    /// <summary>The operator verifies an account by other means (a bank letter), with a note for the audit trail.</summary>
    Task<BankAccountDto> VerifyBankAccountManuallyAsync(SellerEntityId entityId, BankAccountId accountId, string note, string actor, CancellationToken cancellationToken);

    /// <summary>Pays the entity's proceeds in <paramref name="currency"/> to the verified account <paramref name="accountId"/>.</summary>
    Task<PayoutCurrencyDto> SetPayoutCurrencyAsync(OrganisationId sellerId, SellerEntityId entityId, string currency, BankAccountId accountId, string actor, CancellationToken cancellationToken);

    Task DisablePayoutCurrencyAsync(OrganisationId sellerId, SellerEntityId entityId, string currency, string actor, CancellationToken cancellationToken);

    /// <summary>Issues a key acting for <paramref name="organisationId"/> in the organisation's role.</summary>
    Task<IssuedApiKey> IssueApiKeyAsync(OrganisationId organisationId, string name, string actor, CancellationToken cancellationToken);

    Task<ApiKeyDto> RevokeApiKeyAsync(OrganisationId organisationId, ApiKeyId keyId, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the UI language a person chose (an ISO 639 code such as "ja"), or clears it with null so their browser
    /// decides. When the caller is that person, their sign-in cookie is refreshed so the next page uses it.
    /// </summary>
    Task SetPreferredLanguageAsync(UserId userId, string? language, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an AWS access key for a seller; the secret is in the result only. With <paramref name="boundCustomerIdentifier"/>
    /// the key is bound to that customer (1 to 255 characters); the caller has checked that the customer is one of the seller's.
    /// </summary>
    Task<IssuedAwsAccessKey> CreateAwsAccessKeyAsync(OrganisationId sellerId, string name, string? boundCustomerIdentifier, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an active key with a new one of the same name. The old key keeps signing for the grace period
    /// (<c>AwsAccessKey.RotationGracePeriod</c>) so software can switch over, unless it is revoked sooner.
    /// </summary>
    Task<IssuedAwsAccessKey> RotateAwsAccessKeyAsync(OrganisationId sellerId, AwsAccessKeyId keyId, string actor, CancellationToken cancellationToken);

    /// <summary>Revokes a key; on this node it stops signing at once, on other nodes within the verification cache's lifetime.</summary>
    Task<AwsAccessKeyDto> RevokeAwsAccessKeyAsync(OrganisationId sellerId, AwsAccessKeyId keyId, string actor, CancellationToken cancellationToken);

    /// <summary>Signs a person in with the application cookie.</summary>
    Task<SignInOutcome> SignInWithPasswordAsync(string email, string password, bool remember, CancellationToken cancellationToken);

    Task SignOutAsync();

    /// <summary>Creates a buyer organisation with its billing profile and first user in one transaction (nothing is left half-created).</summary>
    Task<BuyerSignedUp> SignUpBuyerAsync(BuyerSignUp signUp, CancellationToken cancellationToken);

    /// <summary>
    /// The electronic address (<c>0088:</c> and a GLN under the operator's GS1 company prefix) the operator gives a buyer
    /// that has no Peppol address of its own: allocated on the first call, the same on every later one; <c>null</c> when
    /// no GS1 company prefix is configured (<c>Accounts:Peppol:Gs1CompanyPrefix</c>). Saves at once. The address is not
    /// registered on the Peppol network: documents addressed to it are for download and archive.
    /// </summary>
    Task<string?> AllocatePeppolBuyerAddressAsync(OrganisationId buyerId, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AllocatePeppolBuyerAddressAsync"/> for many buyers in one transaction (a billing run's page): each buyer
    /// keeps the address it has, the others get consecutive ones. Every buyer asked for is in the answer (null values
    /// when no GS1 company prefix is configured).
    /// </summary>
    Task<IReadOnlyDictionary<OrganisationId, string?>> AllocatePeppolBuyerAddressesAsync(IReadOnlyCollection<OrganisationId> buyerIds, CancellationToken cancellationToken);

    /// <summary>Replaces a buyer organisation's billing profile.</summary>
    Task<BuyerProfileDto> UpdateBuyerProfileAsync(OrganisationId buyerId, BuyerProfileInput profile, string actor, CancellationToken cancellationToken);
}

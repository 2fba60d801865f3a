using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>A postal address as printed on invoices and tax forms. <see cref="CountryCode"/> is ISO 3166-1 alpha-2.</summary>
public sealed record PostalAddress(string Line1, string? Line2, string City, string? PostalCode, string? Region, string CountryCode);

/// <summary>
/// An operator's own legal entity: the merchant of record that invoices buyers routed to it, in its currencies,
/// and owes the tax of the jurisdictions where it is registered. <see cref="Code"/> is stable ("US", "EU", "JP")
/// and is what routing rules and invoice series refer to. <see cref="PeppolParticipantId"/> is the entity's Peppol
/// electronic address (<c>scheme:identifier</c>, e.g. <c>0088:0614141000012</c>), or <c>null</c> when its invoices
/// derive it from its VAT number, ABN or Japanese registration number.
/// </summary>
public sealed record OperatorEntityDto(
    OperatorEntityId Id,
    string Code,
    string LegalName,
    string CountryCode,
    PostalAddress Address,
    string CurrencyCode,
    IReadOnlyList<string> AcceptedCurrencies,
    IReadOnlyList<TaxRegistrationDto> TaxRegistrations,
    InvoiceSeriesDto InvoiceSeries,
    IReadOnlyList<CollectionAccountDto> CollectionAccounts,
    string ServesRegion,
    DateTimeOffset CreatedAt,
    string? PeppolParticipantId = null,
    string? SepaCreditorId = null);

/// <summary>
/// One tax registration of an operator entity, one per jurisdiction (a country, or a US state / Canadian province /
/// Indian state when <see cref="SubdivisionCode"/> is set). Numbers are checked with the country's scheme where one exists.
/// </summary>
public sealed record TaxRegistrationDto(string CountryCode, string? SubdivisionCode, string Number);

/// <summary>How an entity's invoice numbers are formed: <see cref="Prefix"/> then the next number. Billing assigns them.</summary>
public sealed record InvoiceSeriesDto(string Prefix, long NextNumber);

/// <summary>An operator entity's bank account for collections, shown only by its last four characters.</summary>
public sealed record CollectionAccountDto(string CountryCode, string CurrencyCode, string HolderName, string Last4);

/// <summary>The bank details of a collection account; stored encrypted, never returned.</summary>
public sealed record NewCollectionAccount(string CountryCode, string CurrencyCode, string HolderName, string? Iban, string? AccountNumber, string? Bic, string? RoutingCode);

/// <summary>
/// What the operator enters for an entity. On update, a null <see cref="CollectionAccounts"/> keeps the stored accounts
/// (their details cannot be read back); a list replaces them. <see cref="PeppolParticipantId"/> is optional
/// (<c>scheme:identifier</c>, the scheme from the Peppol EAS list, check digits checked where the scheme has them);
/// an update without it clears it.
/// </summary>
public sealed record NewOperatorEntity(
    string Code,
    string LegalName,
    string CountryCode,
    PostalAddress Address,
    string CurrencyCode,
    IReadOnlyList<string>? AcceptedCurrencies,
    IReadOnlyList<TaxRegistrationDto>? TaxRegistrations,
    InvoiceSeriesDto InvoiceSeries,
    IReadOnlyList<NewCollectionAccount>? CollectionAccounts,
    string ServesRegion,
    string? PeppolParticipantId = null,
    string? SepaCreditorId = null);

/// <summary>
/// The bank details of an operator entity's collection account, decrypted: what a SEPA direct-debit file names as the
/// creditor's account. Only Payments reads these, to write payment files; they are never returned by the API.
/// </summary>
public sealed record CollectionAccountDetails(string EntityCode, string CountryCode, string CurrencyCode, string HolderName, string? Iban, string? Bic);

/// <summary>Which sellers a routing rule applies to.</summary>
public enum SellerCondition
{
    /// <summary>Every seller.</summary>
    Any,

    /// <summary>Sellers whose selling entity is established in an eligible EMEA jurisdiction (and KYC-verified).</summary>
    EmeaEligible,

    /// <summary>Sellers whose selling entity is established in <see cref="RoutingRuleDto.SellerCountry"/>.</summary>
    SellerCountry,
}

/// <summary>
/// One line of the issuing-entity table: buyers in <see cref="BuyerCountries"/> (ISO codes, or the groups "EMEA" and
/// "*"), less <see cref="ExceptBuyerCountries"/>, buying from sellers that meet the condition, are invoiced by the
/// entity <see cref="EntityCode"/>. Lower priority numbers are tried first; the first match wins.
/// </summary>
public sealed record RoutingRuleDto(
    RoutingRuleId Id,
    int Priority,
    IReadOnlyList<string> BuyerCountries,
    IReadOnlyList<string> ExceptBuyerCountries,
    SellerCondition SellerCondition,
    string? SellerCountry,
    string EntityCode);

public sealed record RoutingRuleInput(
    int Priority,
    IReadOnlyList<string> BuyerCountries,
    IReadOnlyList<string>? ExceptBuyerCountries,
    SellerCondition SellerCondition,
    string? SellerCountry,
    string EntityCode);

/// <summary>The operator entity that invoices a buyer, and why (the rule that matched).</summary>
public sealed record IssuingEntityDto(string Code, string LegalName, string CountryCode, RoutingRuleId RuleId);

/// <summary>Where a seller entity stands with the operator's know-your-customer review.</summary>
public enum KycStatus
{
    /// <summary>Registered, waiting for the operator's review.</summary>
    Pending,

    /// <summary>Reviewed and accepted, until the expiry date.</summary>
    Verified,

    /// <summary>Reviewed and refused, with a reason; uploading a new tax form asks for a new review.</summary>
    Rejected,

    /// <summary>Was verified, but the verification has expired; the entity is not verified any more.</summary>
    Expired,
}

/// <summary>The US tax form a seller entity files: W-9 for US entities, W-8BEN-E for every other.</summary>
public static class TaxForms
{
    public const string W9 = "W-9";
    public const string W8BenE = "W-8BEN-E";
}

/// <summary>A seller's legal entity: the company that sells on the marketplace, is paid, and files the tax form.</summary>
public sealed record SellerEntityDto(
    SellerEntityId Id,
    OrganisationId SellerId,
    string LegalName,
    string CountryCode,
    PostalAddress Address,
    string TaxId,
    string RequiredTaxForm,
    TaxFormInfo? TaxForm,
    KycStatus KycStatus,
    string? KycReason,
    DateTimeOffset? KycReviewedAt,
    DateTimeOffset? KycExpiresAt,
    DateTimeOffset CreatedAt)
{
    public bool IsVerified => KycStatus == KycStatus.Verified;
}

/// <summary>The tax form on file (the document itself is read separately).</summary>
public sealed record TaxFormInfo(string Kind, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record NewSellerEntity(string LegalName, string CountryCode, PostalAddress Address, string TaxId);

/// <summary>An uploaded tax form: a PDF of at most 5 MB.</summary>
public sealed record TaxFormFile(string FileName, byte[] Content)
{
    public const int MaxBytes = 5 * 1024 * 1024;
}

/// <summary>Whether a payout bank account may be used.</summary>
public enum BankAccountStatus
{
    /// <summary>Two small deposits were sent; the seller confirms their amounts (or the operator verifies by hand).</summary>
    PendingVerification,

    /// <summary>Confirmed; payouts may go to it.</summary>
    Verified,

    /// <summary>Three wrong confirmations; only the operator can verify it now.</summary>
    Locked,
}

/// <summary>A seller entity's payout account. Only the last four characters of the account are ever shown.</summary>
public sealed record BankAccountDto(
    BankAccountId Id,
    SellerEntityId SellerEntityId,
    string CountryCode,
    string CurrencyCode,
    string HolderName,
    string Last4,
    BankAccountStatus Status,
    int FailedVerificationAttempts,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset CreatedAt);

public sealed record NewBankAccount(string CountryCode, string CurrencyCode, string HolderName, string? Iban, string? AccountNumber, string? Bic, string? RoutingCode);

/// <summary>A currency a seller entity is paid in, and the verified account that receives it.</summary>
public sealed record PayoutCurrencyDto(string CurrencyCode, BankAccountId BankAccountId, string Last4, DateTimeOffset EnabledAt);

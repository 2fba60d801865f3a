using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>
/// How a buyer organisation is invoiced: billing address, optional tax id (checked against its country's scheme,
/// canonical form), preferred invoice currency (ISO 4217), language (BCP 47, e.g. <c>en</c>, <c>ja</c>) and time zone
/// (IANA, e.g. <c>Asia/Tokyo</c>).
/// </summary>
public sealed record BuyerProfileInput(PostalAddress Address, string? TaxId, string InvoiceCurrency, string Language, string TimeZone);

/// <summary>A buyer as an invoice names it: organisation, billing profile (if any) and the first e-mail of its people.</summary>
public sealed record BillingBuyerDto(OrganisationDto Organisation, BuyerProfileDto? Profile, string? Email);

public sealed record BuyerProfileDto(OrganisationId OrganisationId, PostalAddress Address, string? TaxId, string? TaxIdDisplay, string InvoiceCurrency, string Language, string TimeZone);

/// <summary>
/// A self-service buyer sign-up: the organisation (country, and subdivision where tax depends on it: US, CA, IN), its
/// billing profile, and its first user. Created together or not at all.
/// </summary>
public sealed record BuyerSignUp(string OrganisationName, string CountryCode, string? SubdivisionCode, BuyerProfileInput Profile, string Email, string DisplayName, string Password);

public sealed record BuyerSignedUp(OrganisationDto Organisation, UserDto User);

using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>What an organisation is on the marketplace. Its members act in the matching role.</summary>
public enum OrganisationKind
{
    Operator,
    Seller,
    Buyer,
}

public sealed record OrganisationDto(
    OrganisationId Id,
    string Name,
    OrganisationKind Kind,
    string CountryCode,
    string? SubdivisionCode,
    DateTimeOffset CreatedAt);

public sealed record NewOrganisation(string Name, OrganisationKind Kind, string CountryCode, string? SubdivisionCode = null);

public sealed record NewUser(OrganisationId OrganisationId, string Email, string DisplayName, string Password);

public sealed record UserDto(UserId Id, OrganisationId OrganisationId, string Email, string DisplayName, string Role);

/// <param name="UserId">The person.</param>
/// <param name="PreferredLanguage">The saved UI language ("ja"), or null when the person follows their browser.</param>
/// <param name="CountryCode">The ISO 3166-1 country of the person's organisation.</param>
public sealed record UserLocaleDto(UserId UserId, string? PreferredLanguage, string CountryCode);

public sealed record ApiKeyDto(
    ApiKeyId Id,
    OrganisationId OrganisationId,
    string Name,
    string Role,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A freshly issued key. <see cref="Secret"/> is shown once and never stored: only its hash is.</summary>
public sealed record IssuedApiKey(ApiKeyDto Key, string Secret);

/// <summary>Who a presented API key belongs to.</summary>
public sealed record ApiKeyPrincipal(ApiKeyId KeyId, OrganisationId OrganisationId, string OrganisationName, string Role, string Name);

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record AuditEntryDto(DateTimeOffset At, string Actor, string Action, string Subject, string Details);

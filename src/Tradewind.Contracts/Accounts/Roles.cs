namespace Tradewind.Contracts.Accounts;

/// <summary>The three roles a person or a piece of software acts in. Each user and API key has exactly one.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Seller = "seller";
    public const string Buyer = "buyer";

    public static IReadOnlyList<string> All { get; } = [Operator, Seller, Buyer];

    public static bool IsKnown(string? role) => role is Operator or Seller or Buyer;
}

/// <summary>Claim types Tradewind adds to every authenticated principal, person or software.</summary>
public static class TradewindClaims
{
    public const string OrganisationId = "tw:org";
    public const string OrganisationName = "tw:org_name";
    public const string DisplayName = "tw:name";
    public const string ApiKeyId = "tw:api_key";

    /// <summary>The organisation's ISO 3166-1 country; it picks the formatting culture (en-GB rather than en-US).</summary>
    public const string Country = "tw:country";

    /// <summary>The person's saved UI language (neutral culture name), absent when they follow the browser.</summary>
    public const string PreferredLanguage = "tw:lang";
}

/// <summary>Authorization policy names, one per role.</summary>
public static class Policies
{
    public const string Operator = "role:operator";
    public const string Seller = "role:seller";
    public const string Buyer = "role:buyer";
}

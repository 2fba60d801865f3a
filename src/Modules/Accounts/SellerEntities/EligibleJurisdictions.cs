using System.Collections.Frozen;
using Tradewind.Accounts.Routing;

namespace Tradewind.Accounts.SellerEntities;

/// <summary>
/// Where a seller's legal entity may be established to sell paid products and be paid: the 27 EU member states and
/// 16 other jurisdictions, 43 in all.
/// </summary>
/// <remarks>
/// Source: aws-marketplace.md §11, a 2025–26 copy of https://docs.aws.amazon.com/marketplace/latest/userguide/seller-eligibility.html,
/// as read for Tradewind on 2026-11-27. The list grows over time (9 entries, then 13 in 2023); check the live page when
/// revising it. India is on it with a condition the routing table reflects: an Indian seller's sales to buyers in India
/// are invoiced by the India entity.
/// </remarks>
internal static class EligibleJurisdictions
{
    /// <summary>The member states of the European Union (2026).</summary>
    public static readonly FrozenSet<string> EuropeanUnion = new[]
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
        "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] Others =
    [
        "AU", "BH", "CA", "CO", "HK", "IN", "IL", "JP", "NZ", "NO", "QA", "KR", "CH", "AE", "GB", "US",
    ];

    public static FrozenSet<string> All { get; } = EuropeanUnion.Concat(Others).ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string countryCode) => All.Contains(countryCode);

    /// <summary>
    /// An eligible jurisdiction in <see cref="Emea"/>: a verified entity established there makes its seller
    /// "EMEA-eligible", so EMEA buyers are invoiced by the EU entity (aws-marketplace.md §10).
    /// </summary>
    public static bool IsEmeaEligible(string countryCode) => Contains(countryCode) && Emea.Contains(countryCode);
}

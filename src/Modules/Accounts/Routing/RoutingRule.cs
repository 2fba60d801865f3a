using Tradewind.Accounts.SellerEntities;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Routing;

/// <summary>
/// One line of the issuing-entity table: which operator entity invoices buyers in some countries buying from some
/// sellers. Rules are tried by ascending <see cref="Priority"/> (then id); the first that matches and names an
/// existing entity wins.
/// </summary>
/// <remarks>
/// <see cref="BuyerCountries"/> holds ISO 3166-1 alpha-2 codes and the groups <see cref="AllCountries"/> ("*") and
/// <see cref="EmeaGroup"/> ("EMEA", <see cref="Emea"/>); <see cref="ExceptBuyerCountries"/> holds codes only.
/// <see cref="SellerCountry"/> is set exactly when the condition is <see cref="SellerCondition.SellerCountry"/>.
/// </remarks>
internal sealed class RoutingRule
{
    public const string AllCountries = "*";
    public const string EmeaGroup = "EMEA";

    public RoutingRuleId Id { get; init; }

    public int Priority { get; set; }

    public List<string> BuyerCountries { get; set; } = [];

    public List<string> ExceptBuyerCountries { get; set; } = [];

    public SellerCondition SellerCondition { get; set; }

    public string? SellerCountry { get; set; }

    public required string EntityCode { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Whether a buyer in <paramref name="buyerCountry"/> buying from a seller entity established in
    /// <paramref name="sellerCountry"/> falls under this rule. The seller entity is taken to be verified: an
    /// unverified entity cannot sell at all.
    /// </summary>
    public bool Matches(string buyerCountry, string sellerCountry)
    {
        var buyerIn = BuyerCountries.Any(c => c switch
        {
            AllCountries => true,
            EmeaGroup => Emea.Contains(buyerCountry),
            _ => string.Equals(c, buyerCountry, StringComparison.Ordinal),
        });
        if (!buyerIn || ExceptBuyerCountries.Contains(buyerCountry, StringComparer.Ordinal))
        {
            return false;
        }

        return SellerCondition switch
        {
            SellerCondition.Any => true,
            SellerCondition.EmeaEligible => EligibleJurisdictions.IsEmeaEligible(sellerCountry),
            SellerCondition.SellerCountry => string.Equals(SellerCountry, sellerCountry, StringComparison.Ordinal),
            _ => false,
        };
    }

    public RoutingRuleDto ToDto() => new(Id, Priority, BuyerCountries.ToList(), ExceptBuyerCountries.ToList(), SellerCondition, SellerCountry, EntityCode);

    /// <summary>The first rule, by priority, that matches and whose entity exists; null when none does.</summary>
    public static RoutingRule? Resolve(IEnumerable<RoutingRule> rules, IReadOnlySet<string> entityCodes, string buyerCountry, string sellerCountry) =>
        rules.OrderBy(r => r.Priority).ThenBy(r => r.Id.Value)
            .FirstOrDefault(r => entityCodes.Contains(r.EntityCode) && r.Matches(buyerCountry, sellerCountry));
}

using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Routing;

/// <summary>
/// The issuing-entity table Tradewind starts with, after AWS Marketplace's pattern (aws-marketplace.md §10): EMEA
/// buyers except Turkey and South Africa → the EU entity when the seller is EMEA-eligible; Japan, Australia and Korea
/// → their own entities; India → the India entity for Indian sellers; everyone else → the US entity. The rules name
/// entities by code; until the operator creates an entity, its rules are skipped.
/// </summary>
internal sealed class DefaultRoutingRules(TradewindDbContext db, TimeProvider clock) : IStartupTask
{
    public static IReadOnlyList<RoutingRuleInput> Rules { get; } =
    [
        new(10, [RoutingRule.EmeaGroup], ["TR", "ZA"], SellerCondition.EmeaEligible, null, "EU"),
        new(20, ["JP"], null, SellerCondition.Any, null, "JP"),
        new(30, ["AU"], null, SellerCondition.Any, null, "AU"),
        new(40, ["KR"], null, SellerCondition.Any, null, "KR"),
        new(50, ["IN"], null, SellerCondition.SellerCountry, "IN", "IN"),
        new(1000, [RoutingRule.AllCountries], null, SellerCondition.Any, null, "US"),
    ];

    /// <summary>Writes the defaults once, into an empty table; an operator's edits are never overwritten.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<RoutingRule>().AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var rule in Rules)
        {
            db.Add(new RoutingRule
            {
                Id = RoutingRuleId.New(clock),
                Priority = rule.Priority,
                BuyerCountries = rule.BuyerCountries.ToList(),
                ExceptBuyerCountries = rule.ExceptBuyerCountries?.ToList() ?? [],
                SellerCondition = rule.SellerCondition,
                SellerCountry = rule.SellerCountry,
                EntityCode = rule.EntityCode,
                CreatedAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

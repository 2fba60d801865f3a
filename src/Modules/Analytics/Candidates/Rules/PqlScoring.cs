using Tradewind.Contracts.Analytics;

namespace Tradewind.Analytics.Candidates.Rules;

/// <summary>The rule table (spec: plg-and-localization §1.2.5) and the sum of its points.</summary>
internal static class PqlScoring
{
    public const int DefaultThreshold = 60;

    private static readonly Func<CandidateFacts, PqlRuleOutcome>[] Rules =
    [
        UsageGrowthRule.Evaluate, QuotaRule.Evaluate, CommitmentSavesRule.Evaluate, ExpansionRule.Evaluate, SameDomainRule.Evaluate,
        SupportTicketsRule.Evaluate, OpenIncidentRule.Evaluate, IntentRule.Evaluate, FitRule.Evaluate, DecayRule.Evaluate,
    ];

    /// <summary>The rules with their points, printed as the score's definition.</summary>
    public static IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("U1", "Usage growth", "Usage over the trailing 28 days ≥ 1.5 × the previous 28 days, on a dimension, and ≥ the median paying customer's trailing 28 days: +25"),
        new("U2", "Nearing a free-tier or trial quota", "Usage this period ≥ 80 % of a free-tier or trial quota on any dimension: +20; ≥ 100 %: +30"),
        new("U3", "A commitment would save money", "PAYG run-rate (last 30 days at the plan's prices) ≥ 70 % of the smallest private-offer commitment per month for the product: +25"),
        new("E1", "Expansion", "A usage dimension first used in the last 14 days, or ≥ 3 new seats/users in 14 days: +15"),
        new("E2", "Several organisations of one domain", "≥ 2 buyer organisations with the same business e-mail domain on the product: +15"),
        new("S1", "Support tickets", "≥ 2 non-incident tickets in 14 days: +10; a billing (pricing) ticket in 14 days: +15"),
        new("S2", "Open incident", "An urgent problem ticket still open: −10"),
        new("I1", "Intent", "\"Request private offer\" clicked, or ≥ 2 listing views by the signed-in buyer, in 14 days: +10"),
        new("F1", "Fit", "Country where the listing is sold and a business e-mail domain: +10; only free-mail addresses: −10"),
        new("D1", "Decay", "No usage for ≥ 14 days: −20"),
        new("PQL", "Product-qualified lead", "Score = the sum of the points; a PQL when the score ≥ the threshold (default 60)"),
    ];

    /// <summary>Every rule's outcome: the fired ones by absolute points (ties in table order), then the others in table order.</summary>
    public static IReadOnlyList<PqlRuleOutcome> Evaluate(CandidateFacts facts) => Order(Rules.Select(rule => rule(facts)).ToList());

    public static IReadOnlyList<PqlRuleOutcome> Order(IReadOnlyList<PqlRuleOutcome> outcomes) =>
        outcomes.Select((o, i) => (o, i))
            .OrderByDescending(x => x.o.Fired)
            .ThenByDescending(x => Math.Abs(x.o.Points))
            .ThenBy(x => x.i)
            .Select(x => x.o)
            .ToList();

    public static int Score(IEnumerable<PqlRuleOutcome> outcomes) => outcomes.Sum(o => o.Points);
}

using Tradewind.Contracts.Analytics;

namespace Tradewind.Analytics.Candidates.Rules;

/// <summary>E2: ≥ 2 buyer organisations with the same business e-mail domain on the product: +15.</summary>
internal static class SameDomainRule
{
    public const string Code = "E2";
    public const int Points = 15;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        if (!facts.EmailDomains.Any(d => !FreeMailDomains.Contains(d)))
        {
            return new PqlRuleOutcome(Code, 0, false, "Not applicable: no business e-mail domain among the organisation's people.");
        }

        return facts.SameDomainOrganisations >= 2
            ? new PqlRuleOutcome(Code, Points, true, $"{facts.SameDomainOrganisations} buyer organisations of {facts.SharedDomain} use this product.")
            : new PqlRuleOutcome(Code, 0, true, "The only buyer organisation of its e-mail domain on this product.");
    }
}

/// <summary>
/// S1: ≥ 2 non-incident tickets (any category but <c>problem</c>) in 14 days: +10; a <c>billing</c> ticket (pricing; the
/// ticket categories have no limits, security-review or procurement kind) in 14 days: +15 instead.
/// </summary>
internal static class SupportTicketsRule
{
    public const string Code = "S1";
    public const int Several = 10;
    public const int Pricing = 15;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        var windowStart = facts.Day.AddDays(-13);
        var recent = facts.RecentTickets.Where(t => t.Opened >= windowStart && t.Opened <= facts.Day).ToList();
        var billing = recent.Count(t => t.Category == "billing");
        if (billing > 0)
        {
            return new PqlRuleOutcome(Code, Pricing, true, $"{billing} billing (pricing) ticket(s) in the last 14 days.");
        }

        var nonIncident = recent.Count(t => t.Category != "problem");
        return nonIncident >= 2
            ? new PqlRuleOutcome(Code, Several, true, $"{nonIncident} non-incident tickets in the last 14 days.")
            : new PqlRuleOutcome(Code, 0, true, $"{nonIncident} non-incident ticket(s) in the last 14 days, none about billing.");
    }
}

/// <summary>S2: an open severity-1 incident (an urgent <c>problem</c> ticket not solved): −10.</summary>
internal static class OpenIncidentRule
{
    public const string Code = "S2";
    public const int Points = -10;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts) =>
        facts.OpenUrgentIncidents > 0
            ? new PqlRuleOutcome(Code, Points, true, $"{facts.OpenUrgentIncidents} urgent problem ticket(s) open: talk to customer success first.")
            : new PqlRuleOutcome(Code, 0, true, "No urgent problem ticket open.");
}

/// <summary>I1: "Request private offer" clicked, or ≥ 2 listing views by the signed-in buyer, in 14 days: +10.</summary>
internal static class IntentRule
{
    public const string Code = "I1";
    public const int Points = 10;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        if (facts.PrivateOfferRequests > 0)
        {
            return new PqlRuleOutcome(Code, Points, true, $"Clicked \"Request private offer\" {facts.PrivateOfferRequests} time(s) in the last 14 days.");
        }

        return facts.SignedInListingViews >= 2
            ? new PqlRuleOutcome(Code, Points, true, $"Viewed the listing {facts.SignedInListingViews} times while signed in in the last 14 days.")
            : new PqlRuleOutcome(Code, 0, true, $"{facts.SignedInListingViews} signed-in listing view(s) and no private-offer request in the last 14 days.");
    }
}

/// <summary>
/// F1: the organisation's country is one the listing is available in and it uses a business e-mail domain: +10; only
/// free-mail addresses: −10.
/// </summary>
internal static class FitRule
{
    public const string Code = "F1";
    public const int Points = 10;
    public const int FreeMail = -10;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        if (facts.EmailDomains.Count == 0)
        {
            return new PqlRuleOutcome(Code, 0, false, "Not applicable: the organisation has no people with an e-mail address.");
        }

        var business = facts.EmailDomains.Where(d => !FreeMailDomains.Contains(d)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (business is null)
        {
            return new PqlRuleOutcome(Code, FreeMail, true, $"Only free-mail addresses ({string.Join(", ", facts.EmailDomains.Order(StringComparer.Ordinal))}).");
        }

        return facts.CountryAvailable
            ? new PqlRuleOutcome(Code, Points, true, $"Business domain {business} in {facts.Country}, a country the listing is sold in.")
            : new PqlRuleOutcome(Code, 0, true, $"Business domain {business}, but {facts.Country} is excluded from the listing.");
    }
}

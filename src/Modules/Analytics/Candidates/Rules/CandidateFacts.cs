using System.Globalization;

namespace Tradewind.Analytics.Candidates.Rules;

/// <summary>
/// Everything the rules read about one buyer organisation × product, as of the end of the UTC <see cref="Day"/>. Built by
/// <see cref="CandidateEvaluator"/> from the event store and the agreement, plan, offer and account data; the rules are
/// pure functions of it.
/// </summary>
internal sealed record CandidateFacts
{
    public required DateOnly Day { get; init; }

    /// <summary>The first day the agreement was in force.</summary>
    public required DateOnly AgreementStart { get; init; }

    /// <summary>Daily usage totals (<c>usage_reported</c>) of the last 56 days up to <see cref="Day"/>.</summary>
    public IReadOnlyList<DailyUsage> Usage { get; init; } = [];

    /// <summary>Every dimension ever used, with the first day it had usage.</summary>
    public IReadOnlyDictionary<string, DateOnly> FirstUseByDimension { get; init; } = new Dictionary<string, DateOnly>();

    /// <summary>The last day with usage, ever; null when the account never used the product.</summary>
    public DateOnly? LastUsageDay { get; init; }

    /// <summary>Per dimension, the median of the trailing-28-day usage of the product's paying customers (none: empty).</summary>
    public IReadOnlyDictionary<string, decimal> MedianPayingUsage { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Quota use on the dimensions with a trial quota or a free tier (empty: the plan has none).</summary>
    public IReadOnlyList<QuotaUse> Quotas { get; init; } = [];

    /// <summary>ISO 4217 code of the agreement's prices.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>PAYG run-rate per month in major units; null when the plan has no usage prices.</summary>
    public decimal? RunRatePerMonth { get; init; }

    /// <summary>The seller's smallest private-offer commitment per month for the product in <see cref="Currency"/>; null: none.</summary>
    public decimal? SmallestCommitmentPerMonth { get; init; }

    /// <summary>The buyer's e-mail domains (its people's addresses); empty when it has no people with an address.</summary>
    public IReadOnlyList<string> EmailDomains { get; init; } = [];

    /// <summary>Buyer organisations (this one included) on the product sharing a business e-mail domain with it.</summary>
    public int SameDomainOrganisations { get; init; }

    /// <summary>The shared domain <see cref="SameDomainOrganisations"/> counts, when any.</summary>
    public string? SharedDomain { get; init; }

    /// <summary>Tickets opened in the last 14 days up to <see cref="Day"/>.</summary>
    public IReadOnlyList<TicketFact> RecentTickets { get; init; } = [];

    /// <summary>Urgent problem tickets (severity 1 incidents) of the buyer on the product still open or waiting.</summary>
    public int OpenUrgentIncidents { get; init; }

    /// <summary>"Request private offer" clicks by the buyer in the last 14 days.</summary>
    public int PrivateOfferRequests { get; init; }

    /// <summary>Listing views by the signed-in buyer in the last 14 days.</summary>
    public int SignedInListingViews { get; init; }

    /// <summary>The buyer organisation's country (ISO 3166-1 alpha-2).</summary>
    public string Country { get; init; } = "";

    /// <summary>Whether the listing is available in <see cref="Country"/>.</summary>
    public bool CountryAvailable { get; init; } = true;

    public static string Number(decimal value) => value.ToString(value == decimal.Truncate(value) ? "N0" : "N1", CultureInfo.InvariantCulture);

    public static string Money(decimal value, string currency) => string.Concat(value.ToString("N2", CultureInfo.InvariantCulture), " ", currency);
}

internal sealed record DailyUsage(DateOnly Day, string Dimension, decimal Quantity, decimal? QuotaUsedPct = null);

/// <summary>Units used of a dimension against its quota in the current trial or month; <see cref="Kind"/> says which quota.</summary>
internal sealed record QuotaUse(string Dimension, decimal Used, decimal Quota, string Kind)
{
    public decimal Percent => Quota <= 0 ? 0 : decimal.Round(Used * 100m / Quota, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A ticket opened on <see cref="Opened"/>; category and severity are the lower-case enum names.</summary>
internal sealed record TicketFact(DateOnly Opened, string Category, string Severity);

using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Analytics;

/// <summary>
/// The upgrade-candidate (PQL) list: buyer organisations on a self-service agreement, scored daily by the rules of
/// <c>docs/analytics.md</c> (spec: plg-and-localization §1.2.5). Reads the stored daily scores, never the raw events.
/// </summary>
public interface IUpgradeCandidates
{
    /// <summary>
    /// The candidates of the latest evaluated day on or before <paramref name="asOf"/> in <paramref name="scope"/>, highest
    /// score first, with at least <paramref name="minScore"/> points when given, and the PQL → offer conversion.
    /// </summary>
    Task<UpgradeCandidatesReport> ListAsync(AnalyticsScope scope, int? minScore, DateOnly asOf, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Scores every candidate for the UTC <paramref name="day"/> (replacing that day's scores); returns how many were scored.</summary>
    Task<int> EvaluateDayAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>What one rule gave, and why.</summary>
/// <param name="Code">The rule's code (U1 … D1).</param>
/// <param name="Points">Its points; 0 when it did not fire.</param>
/// <param name="Applicable">False when the rule cannot be judged for this account (no quota, no commitment tier, …).</param>
/// <param name="Reason">Plain language with the numbers.</param>
public sealed record PqlRuleOutcome(string Code, int Points, bool Applicable, string Reason)
{
    public bool Fired => Points != 0;
}

/// <summary>
/// One buyer organisation × product on <see cref="Day"/>: its score, whether it is a PQL (score ≥ the threshold) and since
/// when without a break, every rule evaluated (<see cref="Rules"/>: the fired ones by absolute points first, then the rest),
/// the PAYG run-rate per month next to the seller's smallest commitment per month (minor units of <see cref="Currency"/>),
/// and whether a private offer has been sent to it for the product.
/// </summary>
public sealed record UpgradeCandidateDto(
    DateOnly Day,
    OrganisationId SellerId,
    ProductId ProductId,
    string ProductTitle,
    OrganisationId BuyerId,
    string BuyerName,
    AgreementId AgreementId,
    int Score,
    bool IsPql,
    DateOnly? PqlSince,
    IReadOnlyList<PqlRuleOutcome> Rules,
    string Currency,
    long? RunRateMinorPerMonth,
    long? SmallestCommitmentMinorPerMonth,
    bool OfferSent)
{
    /// <summary>The three fired rules with the most points (by absolute value).</summary>
    public IReadOnlyList<PqlRuleOutcome> TopReasons => Rules.Where(r => r.Fired).Take(3).ToList();
}

/// <summary>
/// The hand-off funnel: accounts that became PQLs, how many of them were then sent a private offer for the product, how
/// many accepted one, and the median days from PQL to offer and from offer to acceptance (null without any).
/// </summary>
public sealed record PqlConversion(int Pqls, int OffersSent, int OffersAccepted, decimal? MedianDaysPqlToOffer, decimal? MedianDaysOfferToAccepted);

/// <summary>The list of one evaluated <see cref="Day"/> (null when nothing was evaluated yet) with the rules as definitions.</summary>
public sealed record UpgradeCandidatesReport(
    DateOnly? Day,
    int Threshold,
    Page<UpgradeCandidateDto> Candidates,
    PqlConversion Conversion,
    IReadOnlyList<MetricDefinition> Definitions);

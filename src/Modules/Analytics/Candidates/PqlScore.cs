using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Candidates;

/// <summary>
/// One buyer organisation × product's PQL score on one UTC day (<c>analytics_pql_scores</c>), kept for every day so "PQL
/// since" and the PQL → offer → acceptance conversion can be measured. Rebuilt for a day from the events by
/// <see cref="CandidateEvaluator"/>; <see cref="RulesJson"/> holds every rule's outcome, fired ones first.
/// </summary>
internal sealed class PqlScore
{
    public DateOnly Day { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public OrganisationId BuyerId { get; init; }

    public AgreementId AgreementId { get; init; }

    public required string ProductTitle { get; init; }

    public required string BuyerName { get; init; }

    public int Score { get; init; }

    public bool IsPql { get; init; }

    public required string RulesJson { get; init; }

    /// <summary>ISO 4217 code of the run-rate and commitment.</summary>
    public required string Currency { get; init; }

    public long? RunRateMinorPerMonth { get; init; }

    public long? CommitmentMinorPerMonth { get; init; }

    public DateTimeOffset EvaluatedAt { get; init; }
}

/// <summary>
/// One evaluated UTC day (<c>analytics_pql_runs</c>), so the list knows the latest scored day even when a seller had no
/// candidates on it (its accounts then left the list).
/// </summary>
internal sealed class PqlRun
{
    public DateOnly Day { get; init; }

    public int Scored { get; set; }

    public DateTimeOffset EvaluatedAt { get; set; }
}

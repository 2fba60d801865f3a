using Tradewind.Primitives.Ids;

namespace Tradewind.Billing.Runs;

/// <summary>
/// The rated-period ledger: one row each time an agreement's period <c>[PeriodStart, PeriodEnd)</c> is rated. The
/// unique key (agreement, period start, revision) is what makes billing exactly-once: two runs (on two nodes, or a
/// retry) that rate the same period both insert revision <c>n</c>, and the database lets one of them commit. Revision
/// 0 is the first rating; each re-rating for late usage adds the next revision. <see cref="UsageJson"/> is the
/// cumulative usage per dimension the revision rated, so the next run sees whether more arrived.
/// </summary>
internal sealed class RatedPeriod
{
    public Guid Id { get; init; }

    public AgreementId AgreementId { get; init; }

    public DateTimeOffset PeriodStart { get; init; }

    public DateTimeOffset PeriodEnd { get; init; }

    public int Revision { get; init; }

    public BillingRunId RunId { get; init; }

    /// <summary>The document the revision's lines went on; null when the rating charged nothing.</summary>
    public InvoiceId? InvoiceId { get; init; }

    public string UsageJson { get; init; } = "{}";

    public DateTimeOffset RatedAt { get; init; }
}

using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Ids;

namespace Tradewind.Billing.Runs;

/// <summary>
/// One billing run and what it did. A run with an <see cref="IdempotencyKey"/> is unique by that key, so a retried
/// request answers the first run. <see cref="TotalsJson"/> and <see cref="ErrorsJson"/> hold the per-currency totals and
/// the per-agreement errors (a failing agreement never aborts the run).
/// </summary>
internal sealed class BillingRun
{
    public BillingRunId Id { get; init; }

    public DateTimeOffset AsOf { get; init; }

    public bool Finalize { get; init; }

    public BillingRunStatus Status { get; set; }

    public required string Trigger { get; init; }

    public required string Actor { get; init; }

    public string? IdempotencyKey { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int AgreementsRated { get; set; }

    public int PeriodsSkipped { get; set; }

    public int InvoicesDrafted { get; set; }

    public int InvoicesFinalized { get; set; }

    public int LateUsageLines { get; set; }

    /// <summary>
    /// The late-usage watermark: every usage record received before this instant, with a timestamp before the month
    /// boundary of <see cref="AsOf"/>, was billed or found unchanged by this run or an earlier one. The next run looks for
    /// late usage among records received since. It only moves on when a run billed every late record it found; null
    /// until the run completes.
    /// </summary>
    public DateTimeOffset? LateUsageCheckedTo { get; set; }

    public string TotalsJson { get; set; } = "[]";

    public string ErrorsJson { get; set; } = "[]";
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Metering;

/// <summary>
/// Takes usage records in. A record is acknowledged (the returned task completes) only after the transaction that
/// stored it has committed; many concurrent submissions share one transaction (group commit). Each record is counted
/// exactly once: duplicates are detected on the natural key (customer × dimension × UTC hour) and on the seller's
/// idempotency key, and the first record always stands. Validation failures are outcomes, not exceptions; the
/// methods throw only for a malformed submission (more than <see cref="MaxBatchSize"/> records) or an outage.
/// </summary>
public interface IUsageIngest
{
    /// <summary>The most records one submission may carry (REST batches; AWS BatchMeterUsage allows 25).</summary>
    const int MaxBatchSize = 1000;

    Task<UsageBatchResult> SubmitAsync(UsageSubmission submission, UsageSubmitOptions options, CancellationToken cancellationToken);
}

/// <summary>Reads usage: totals per period for reports and billing, stored records, and the submission log.</summary>
public interface IUsageQueries
{
    /// <summary>Totals per agreement × dimension × bucket the caller may see, ordered by bucket, agreement and dimension.</summary>
    Task<IReadOnlyList<UsageTotal>> GetTotalsAsync(UsageQuery query, UsageCaller caller, CancellationToken cancellationToken);

    /// <summary>Stored records the caller may see, newest timestamp first.</summary>
    Task<Page<UsageRecordDto>> ListRecordsAsync(UsageRecordFilter filter, UsageCaller caller, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The seller's latest submissions, newest first (the "test your integration" page).</summary>
    Task<IReadOnlyList<UsageSubmissionLogEntry>> ListRecentSubmissionsAsync(OrganisationId sellerId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// For billing: the quantity per dimension of one agreement with timestamps in <c>[periodStart, periodEnd)</c>, as stored now
    /// (a later call includes records that arrived late). Not scoped: billing runs as the operator.
    /// </summary>
    /// <summary>
    /// For billing runs: the quantity per agreement × dimension with timestamps in <c>[periodStart, periodEnd)</c>, for many
    /// agreements in one aggregate. Agreements without records are absent. Not scoped.
    /// </summary>
    Task<IReadOnlyList<AgreementUsageTotal>> TotalsForAgreementsAsync(IReadOnlyCollection<AgreementId> agreementIds, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellationToken);

    /// <summary>
    /// For billing runs: the agreements with records received at or after <paramref name="receivedSince"/> whose timestamps
    /// are before <paramref name="timestampBefore"/>, each with the earliest and latest such timestamp (where late usage may
    /// have changed an already billed period). Not scoped.
    /// </summary>
    Task<IReadOnlyList<LateUsageRange>> ListLateArrivalsAsync(DateTimeOffset receivedSince, DateTimeOffset timestampBefore, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, long>> TotalsForAgreementAsync(AgreementId agreementId, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellationToken);
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Metering;

/// <summary>Where a usage record came from; each source has its own accepted time window (see docs/metering.md).</summary>
public enum UsageSource
{
    /// <summary><c>POST /api/v1/usage</c>.</summary>
    Rest,

    /// <summary>The AWS-compatible <c>BatchMeterUsage</c> (SaaS).</summary>
    BatchMeterUsage,

    /// <summary>The AWS-compatible <c>MeterUsage</c>, signed with a key bound to one customer.</summary>
    MeterUsage,

    /// <summary>An operator's bulk import (the demo seed, a migration): no time window applies.</summary>
    Import,
}

/// <summary>A tag on an allocation: key 1–100 and value 1–256 characters of <c>[a-zA-Z0-9+ -=._:/@]</c>.</summary>
public sealed record UsageTag(string Key, string Value);

/// <summary>Part of a record's quantity attributed to a set of tags (at most 5; an empty set is allowed once).</summary>
public sealed record UsageAllocation(long Quantity, IReadOnlyList<UsageTag> Tags);

/// <summary>
/// One usage record as a seller reports it. Exactly one of <see cref="CustomerIdentifier"/> and <see cref="AgreementId"/>
/// names the customer. <see cref="Quantity"/> is a whole number of the dimension's unit, 0 included (sellers report
/// idle hours as 0). When <see cref="Allocations"/> are given their quantities sum to <see cref="Quantity"/>.
/// </summary>
public sealed record UsageRecordInput(
    string? CustomerIdentifier,
    AgreementId? AgreementId,
    string Dimension,
    long Quantity,
    DateTimeOffset Timestamp,
    string? IdempotencyKey = null,
    IReadOnlyList<UsageAllocation>? Allocations = null);

/// <summary>A batch of records from one seller, from one source.</summary>
/// <param name="SellerId">The seller reporting; every record's customer must be of one of its products.</param>
/// <param name="Source">Decides the accepted time window.</param>
/// <param name="Records">At most <see cref="IUsageIngest.MaxBatchSize"/>.</param>
/// <param name="Actor">Who reports, for the submission log (an API key or AWS access key).</param>
/// <param name="ProductId">When set (AWS <c>ProductCode</c>), every record's customer must belong to this product.</param>
/// <param name="BoundCustomerIdentifier">For <see cref="UsageSource.MeterUsage"/>: the customer the signing key is bound to;
/// records carry no customer of their own.</param>
public sealed record UsageSubmission(
    OrganisationId SellerId,
    UsageSource Source,
    IReadOnlyList<UsageRecordInput> Records,
    string Actor,
    ProductId? ProductId = null,
    string? BoundCustomerIdentifier = null);

/// <summary>How to treat a submission.</summary>
/// <param name="DryRun">Validate and answer as if written, write nothing.</param>
/// <param name="RejectBatchOn">Rejection codes (<see cref="UsageRejection"/>) that refuse the whole batch: when any record
/// gets one, nothing is written and <see cref="UsageBatchResult.BatchRejection"/> is set. AWS's BatchMeterUsage refuses a
/// batch for one out-of-window timestamp or an unknown dimension.</param>
public sealed record UsageSubmitOptions(bool DryRun = false, IReadOnlySet<string>? RejectBatchOn = null)
{
    public static readonly UsageSubmitOptions Default = new();
}

/// <summary>What happened to one record.</summary>
public enum UsageOutcomeStatus
{
    /// <summary>Stored now, or an identical earlier record was found (<see cref="UsageRecordOutcome.Replayed"/>): safe to forget.</summary>
    Accepted,

    /// <summary>A record with the same natural key (customer × dimension × hour) or idempotency key but different content
    /// was stored earlier; that first record stands and its id is returned.</summary>
    Duplicate,

    /// <summary>Refused; <see cref="UsageRecordOutcome.Code"/> says why. Nothing was stored.</summary>
    Rejected,
}

/// <summary>Rejection codes (stable, part of the API).</summary>
public static class UsageRejection
{
    public const string InvalidRecord = "invalid_record";
    public const string InvalidQuantity = "invalid_quantity";
    public const string InvalidAllocations = "invalid_allocations";
    public const string InvalidTag = "invalid_tag";
    public const string TimestampOutOfWindow = "timestamp_out_of_window";
    public const string UnknownCustomer = "unknown_customer";
    public const string UnknownDimension = "unknown_dimension";
    public const string NotEntitled = "not_entitled";
    public const string WrongProduct = "wrong_product";
}

/// <summary>Duplicate codes: which key matched.</summary>
public static class UsageDuplicate
{
    public const string NaturalKey = "natural_key";
    public const string IdempotencyKey = "idempotency_key";
}

/// <summary>The outcome for the record at <see cref="Index"/> in the submission.</summary>
/// <param name="Index">The record's 0-based position in the submission.</param>
/// <param name="Status">Accepted, duplicate or rejected.</param>
/// <param name="Message">A sentence for people, in English.</param>
/// <param name="RecordId">The stored record (the original one for a duplicate or a replay); null when rejected.</param>
/// <param name="Code">For <see cref="UsageOutcomeStatus.Rejected"/> a <see cref="UsageRejection"/> code; for
/// <see cref="UsageOutcomeStatus.Duplicate"/> a <see cref="UsageDuplicate"/> code.</param>
/// <param name="Replayed">Accepted because an identical record was already stored (a retry).</param>
public sealed record UsageRecordOutcome(int Index, UsageOutcomeStatus Status, UsageRecordId? RecordId, string? Code, string? Message, bool Replayed = false);

/// <summary>The outcomes of a submission, one per record in order, or the reason the whole batch was refused.</summary>
public sealed record UsageBatchResult(IReadOnlyList<UsageRecordOutcome> Outcomes, UsageRecordOutcome? BatchRejection = null)
{
    public int Accepted => Outcomes.Count(o => o.Status == UsageOutcomeStatus.Accepted);

    public int Duplicates => Outcomes.Count(o => o.Status == UsageOutcomeStatus.Duplicate);

    public int Rejected => Outcomes.Count(o => o.Status == UsageOutcomeStatus.Rejected);
}

/// <summary>A stored usage record. <see cref="Hour"/> is <see cref="Timestamp"/> truncated to the UTC hour (the dedupe grain).</summary>
public sealed record UsageRecordDto(
    UsageRecordId Id,
    OrganisationId SellerId,
    ProductId ProductId,
    AgreementId AgreementId,
    string CustomerIdentifier,
    string Dimension,
    long Quantity,
    DateTimeOffset Timestamp,
    DateTimeOffset Hour,
    DateTimeOffset ReceivedAt,
    UsageSource Source,
    string? IdempotencyKey,
    IReadOnlyList<UsageAllocation> Allocations);

/// <summary>Who is asking: the operator sees all usage, a seller its products', a buyer its own agreements'.</summary>
public sealed record UsageCaller(OrganisationId OrganisationId, string Role, string Actor);

/// <summary>How finely <see cref="IUsageQueries.GetTotalsAsync"/> buckets time (UTC).</summary>
public enum UsageGranularity
{
    Hour,
    Day,
    Month,

    /// <summary>One bucket for the whole range.</summary>
    Total,
}

/// <summary>A usage question: totals in <c>[From, To)</c>, optionally for one product, agreement, customer or dimension.</summary>
public sealed record UsageQuery(
    DateTimeOffset From,
    DateTimeOffset To,
    UsageGranularity Granularity = UsageGranularity.Day,
    ProductId? ProductId = null,
    AgreementId? AgreementId = null,
    string? CustomerIdentifier = null,
    string? Dimension = null);

/// <summary>The quantity of one agreement × dimension in one bucket <c>[PeriodStart, PeriodEnd)</c>, from <see cref="Records"/> records.</summary>
public sealed record UsageTotal(
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    ProductId ProductId,
    AgreementId AgreementId,
    string CustomerIdentifier,
    string BuyerName,
    string Dimension,
    long Quantity,
    long Records);

/// <summary>Filters for listing stored records; null means any.</summary>
public sealed record UsageRecordFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    ProductId? ProductId = null,
    AgreementId? AgreementId = null,
    string? CustomerIdentifier = null,
    string? Dimension = null);

/// <summary>
/// One submission as the seller's "test your integration" page shows it: when, through which source and key, the
/// counts, and a sample of the records with their outcomes (every non-accepted one up to a limit, a few accepted).
/// </summary>
public sealed record UsageSubmissionLogEntry(
    Guid Id,
    OrganisationId SellerId,
    DateTimeOffset ReceivedAt,
    UsageSource Source,
    string Actor,
    int Accepted,
    int Duplicates,
    int Rejected,
    string? BatchRejectionCode,
    IReadOnlyList<UsageSubmissionSample> Samples);

/// <summary>A record of a logged submission with its outcome.</summary>
public sealed record UsageSubmissionSample(
    int Index,
    string? CustomerIdentifier,
    string Dimension,
    long Quantity,
    DateTimeOffset Timestamp,
    UsageOutcomeStatus Status,
    string? Code,
    string? Message,
    UsageRecordId? RecordId);

/// <summary>The quantity of one agreement × dimension over a period (see <see cref="IUsageQueries.TotalsForAgreementsAsync"/>).</summary>
public sealed record AgreementUsageTotal(AgreementId AgreementId, string Dimension, long Quantity);

/// <summary>Records of one agreement that arrived late: their timestamps span <c>[EarliestTimestamp, LatestTimestamp]</c>.</summary>
public sealed record LateUsageRange(AgreementId AgreementId, DateTimeOffset EarliestTimestamp, DateTimeOffset LatestTimestamp);

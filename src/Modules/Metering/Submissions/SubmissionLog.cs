using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Submissions;

/// <summary>
/// One submission as the seller's "test your integration" page shows it: counts and a sample of records with their
/// outcomes (<see cref="SubmissionSamples"/>). Written in the same transaction as the submission's records; the
/// <see cref="Jobs.SubmissionLogCleanupJob"/> keeps the last days and a bounded number per seller.
/// </summary>
internal sealed class SubmissionLog
{
    public Guid Id { get; init; }

    public OrganisationId SellerId { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public UsageSource Source { get; init; }

    public string Actor { get; init; } = "";

    public int RecordCount { get; init; }

    public int Accepted { get; init; }

    public int Duplicates { get; init; }

    public int Rejected { get; init; }

    public string? BatchRejectionCode { get; init; }

    public string SamplesJson { get; init; } = "[]";
}

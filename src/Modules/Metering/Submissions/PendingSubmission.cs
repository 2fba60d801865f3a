using Tradewind.Contracts.Metering;
using Tradewind.Metering.Usage;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Submissions;

/// <summary>
/// A validated submission waiting for the group-commit writer: the records that may be stored (<see cref="Candidates"/>),
/// the outcomes already decided (rejections), and the task its caller awaits, completed only after the commit.
/// </summary>
internal sealed class PendingSubmission
{
    public required Guid Id { get; init; }

    public required OrganisationId SellerId { get; init; }

    public required UsageSource Source { get; init; }

    public required string Actor { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required IReadOnlyList<UsageRecordInput> Records { get; init; }

    /// <summary>One slot per record: rejections are filled in before writing, the rest by the writer.</summary>
    public required UsageRecordOutcome?[] Outcomes { get; init; }

    public required IReadOnlyList<UsageCandidate> Candidates { get; init; }

    /// <summary>Set when the whole batch was refused: only the log entry is written.</summary>
    public UsageRecordOutcome? BatchRejection { get; init; }

    public TaskCompletionSource<UsageBatchResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The outcomes once every slot is filled.</summary>
    public UsageBatchResult Result()
    {
        var outcomes = new UsageRecordOutcome[Outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Outcomes[i] ?? throw new InvalidOperationException($"Record {i} has no outcome.");
        }

        return new UsageBatchResult(outcomes, BatchRejection);
    }

    /// <summary>The log entry: counts and a sample (every non-accepted record up to 25, the first 5 accepted).</summary>
    public SubmissionLog ToLog(UsageBatchResult result)
    {
        var samples = new List<SubmissionSampleJson>();
        int others = 0, accepted = 0;
        var customers = Candidates.ToDictionary(c => c.Index, c => c.CustomerIdentifier);
        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Status == UsageOutcomeStatus.Accepted ? accepted++ >= SubmissionSamples.AcceptedSamples : others++ >= SubmissionSamples.OtherSamples)
            {
                continue;
            }

            var record = Records[outcome.Index];
            samples.Add(new SubmissionSampleJson(
                outcome.Index,
                customers.GetValueOrDefault(outcome.Index) ?? record.CustomerIdentifier ?? record.AgreementId?.ToString(),
                record.Dimension ?? "",
                record.Quantity,
                record.Timestamp,
                outcome.Status,
                outcome.Code,
                outcome.Message,
                outcome.RecordId?.Value));
        }

        return new SubmissionLog
        {
            Id = Id,
            SellerId = SellerId,
            ReceivedAt = ReceivedAt,
            Source = Source,
            Actor = Actor.Length > 320 ? Actor[..320] : Actor,
            RecordCount = Records.Count,
            Accepted = result.Accepted,
            Duplicates = result.Duplicates,
            Rejected = result.Rejected,
            BatchRejectionCode = BatchRejection?.Code,
            SamplesJson = SubmissionSamples.Write(samples),
        };
    }
}

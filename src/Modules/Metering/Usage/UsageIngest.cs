using Microsoft.Extensions.Options;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Storage;
using Tradewind.Metering.Submissions;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>
/// Judges a submission's records (shape, window, customer, dimension, entitlement), then hands what may be stored to the
/// group-commit <see cref="UsageWriter"/> and waits for the commit. Rejections never reach the table; duplicates are
/// decided by the writer against the table's unique indexes (docs/metering.md).
/// </summary>
internal sealed class UsageIngest(
    IAgreementsQueries agreements,
    CustomerDirectory customers,
    UsageWriter writer,
    UsageStore store,
    TimeProvider clock,
    IOptions<MeteringOptions> options) : IUsageIngest
{
    public async Task<UsageBatchResult> SubmitAsync(UsageSubmission submission, UsageSubmitOptions submitOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submitOptions);
        var records = submission.Records ?? throw new ValidationFailedException("records", "Give the usage records.");
        if (records.Count > IUsageIngest.MaxBatchSize)
        {
            throw new ValidationFailedException("records", $"Send at most {IUsageIngest.MaxBatchSize} records at a time.");
        }

        var now = clock.GetUtcNow();
        var submissionId = Guid.CreateVersion7(now);
        var outcomes = new UsageRecordOutcome?[records.Count];
        var restMaxAge = options.Value.RestMaxAge;

        // 1. Rules a record passes on its own.
        var minTimestamp = DateTimeOffset.MaxValue;
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        var agreementIds = new HashSet<AgreementId>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record is null)
            {
                outcomes[i] = Rejected(i, new UsageProblem(UsageRejection.InvalidRecord, "The record is empty."));
                continue;
            }

            if (UsageRules.Check(record, submission.Source, submission.BoundCustomerIdentifier, now, restMaxAge) is { } problem)
            {
                outcomes[i] = Rejected(i, problem);
                continue;
            }

            if (record.AgreementId is { } agreementId)
            {
                agreementIds.Add(agreementId);
            }
            else
            {
                identifiers.Add(record.CustomerIdentifier ?? submission.BoundCustomerIdentifier!);
            }

            if (record.Timestamp < minTimestamp)
            {
                minTimestamp = record.Timestamp;
            }
        }

        // 2. The customers, once per submission for all of them.
        var candidates = new List<UsageCandidate>(records.Count);
        if (identifiers.Count > 0 || agreementIds.Count > 0)
        {
            var since = UsageRules.MaxAge(submission.Source, restMaxAge) is { } maxAge ? now - maxAge : minTimestamp;
            var (byIdentifier, byAgreement) = await customers.FindAsync(agreements, identifiers, agreementIds, since, cancellationToken);
            for (var i = 0; i < records.Count; i++)
            {
                if (outcomes[i] is not null)
                {
                    continue;
                }

                var record = records[i];
                var customer = record.AgreementId is { } agreementId
                    ? byAgreement.GetValueOrDefault(agreementId)
                    : byIdentifier.GetValueOrDefault(record.CustomerIdentifier ?? submission.BoundCustomerIdentifier!);
                var judged = UsageEntitlement.Judge(record, customer, submission.SellerId, submission.ProductId);
                if (judged.Problem is { } problem)
                {
                    outcomes[i] = Rejected(i, problem);
                    continue;
                }

                candidates.Add(new UsageCandidate
                {
                    Index = i,
                    Id = UsageRecordId.New(clock),
                    SellerId = submission.SellerId,
                    ProductId = customer!.ProductId,
                    AgreementId = judged.Agreement!.AgreementId,
                    BuyerId = customer.BuyerId,
                    CustomerIdentifier = customer.CustomerIdentifier,
                    Dimension = record.Dimension,
                    Hour = UsageRules.HourOf(record.Timestamp),
                    Timestamp = record.Timestamp.ToUniversalTime(),
                    Quantity = record.Quantity,
                    Source = submission.Source,
                    IdempotencyKey = record.IdempotencyKey,
                    AllocationsJson = AllocationsJson.Write(record.Allocations),
                    ReceivedAt = now,
                    SubmissionId = submissionId,
                    FirstUsageUnknown = judged.Agreement.FirstUsageAt is null,
                });
            }
        }

        // 3. A rejection the caller asked to refuse the whole batch for.
        UsageRecordOutcome? batchRejection = null;
        if (submitOptions.RejectBatchOn is { Count: > 0 } refuseOn)
        {
            batchRejection = outcomes.FirstOrDefault(o => o is { Status: UsageOutcomeStatus.Rejected } && refuseOn.Contains(o.Code!));
            if (batchRejection is not null)
            {
                for (var i = 0; i < outcomes.Length; i++)
                {
                    outcomes[i] ??= new UsageRecordOutcome(i, UsageOutcomeStatus.Rejected, null, batchRejection.Code,
                        $"The batch was refused because record {batchRejection.Index} was: {batchRejection.Message}");
                }

                candidates.Clear();
            }
        }

        if (submitOptions.DryRun)
        {
            await DryRunAsync(candidates, outcomes, cancellationToken);
            return new UsageBatchResult(outcomes.Select(o => o!).ToList(), batchRejection);
        }

        var pending = new PendingSubmission
        {
            Id = submissionId,
            SellerId = submission.SellerId,
            Source = submission.Source,
            Actor = submission.Actor ?? "",
            ReceivedAt = now,
            Records = records,
            Outcomes = outcomes,
            Candidates = candidates,
            BatchRejection = batchRejection,
        };

        // The caller may stop waiting; the submission is written or not as one, and a retry finds it either way.
        return await writer.WriteAsync(pending).WaitAsync(cancellationToken);
    }

    /// <summary>Classifies as the writer would, against the stored records and earlier records of the submission, writing nothing.</summary>
    private async Task DryRunAsync(List<UsageCandidate> candidates, UsageRecordOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        var stored = await store.FindAsync(connection, null, candidates, cancellationToken);
        var matches = UsageStore.Match(candidates, stored);
        var earlierByNatural = new Dictionary<(string, string, DateTimeOffset), ExistingRecord>();
        var earlierByKey = new Dictionary<(OrganisationId, string), ExistingRecord>();
        var unstored = new HashSet<UsageRecordId>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var byKey = matches[i].ByIdempotencyKey ?? (c.IdempotencyKey is { } k ? earlierByKey.GetValueOrDefault((c.SellerId, k)) : null);
            var byNatural = matches[i].ByNaturalKey ?? earlierByNatural.GetValueOrDefault(UsageDedupe.NaturalKey(c));
            var outcome = UsageDedupe.Classify(c, byKey, byNatural);
            if (outcome is null)
            {
                // Would be stored; it has no id yet, since nothing is written.
                outcome = new UsageRecordOutcome(c.Index, UsageOutcomeStatus.Accepted, null, null, "Valid (dry run: nothing was stored).");
                unstored.Add(c.Id);
                var virtualRow = new ExistingRecord(c.Id, c.SellerId, c.CustomerIdentifier, c.Dimension, c.Hour, c.Quantity, c.IdempotencyKey, c.AllocationsJson);
                earlierByNatural.TryAdd(UsageDedupe.NaturalKey(c), virtualRow);
                if (c.IdempotencyKey is { } key)
                {
                    earlierByKey.TryAdd((c.SellerId, key), virtualRow);
                }
            }
            else if (outcome.RecordId is { } earlier && unstored.Contains(earlier))
            {
                outcome = outcome with { RecordId = null };
            }

            outcomes[c.Index] = outcome;
        }
    }

    private static UsageRecordOutcome Rejected(int index, UsageProblem problem) =>
        new(index, UsageOutcomeStatus.Rejected, null, problem.Code, problem.Message);
}

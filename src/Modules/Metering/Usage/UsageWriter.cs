using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Storage;
using Tradewind.Metering.Submissions;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>
/// Group commit. Submissions queue in a channel; each writer drains what is waiting (up to
/// <see cref="MeteringOptions.MaxGroupRecords"/>), stores it in one transaction with the submissions' log entries,
/// commits, and only then completes the submissions' tasks: a record is acknowledged only once it is durable. If the
/// transaction fails every submission in it fails (transient failures are tried again a bounded number of times), so
/// nothing is acknowledged that was not committed. See docs/decisions/0016-usage-storage-and-group-commit.md.
/// </summary>
internal sealed partial class UsageWriter(
    UsageStore store,
    FirstUsageRecorder firstUsage,
    IOptions<MeteringOptions> options,
    ILogger<UsageWriter> logger) : IHostedService, IDisposable
{
    private readonly Channel<PendingSubmission> _queue = Channel.CreateUnbounded<PendingSubmission>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stopping = new();
    private Task[] _writers = [];
    private int _started;

    /// <summary>Queues <paramref name="submission"/>; the returned task completes after its transaction commits.</summary>
    public Task<UsageBatchResult> WriteAsync(PendingSubmission submission)
    {
        // A submission before the host has started (the demo seed at start-up) must not wait for a writer forever.
        EnsureStarted();
        if (!_queue.Writer.TryWrite(submission))
        {
            throw new InvalidOperationException("Usage ingest is shutting down.");
        }

        return submission.Completion.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return Task.CompletedTask;
    }

    private void EnsureStarted()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _writers = Enumerable.Range(0, store.Writers).Select(_ => Task.Run(RunAsync, CancellationToken.None)).ToArray();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Finish what was queued: those callers are still waiting for their answer.
        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_writers).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync()
    {
        DbConnection? connection = null;
        var group = new List<PendingSubmission>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                group.Clear();
                var records = 0;
                while (records < options.Value.MaxGroupRecords && _queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                    records += next.Candidates.Count;
                }

                if (group.Count == 0)
                {
                    continue;
                }

                connection = await WriteGroupAsync(connection, group);
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<DbConnection?> WriteGroupAsync(DbConnection? connection, List<PendingSubmission> group)
    {
        var maxAttempts = Math.Max(1, options.Value.MaxWriteAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                connection ??= await store.OpenAsync(_stopping.Token);
                var results = await WriteOnceAsync(connection, group, _stopping.Token);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Completion.TrySetResult(results[i]);
                }

                AfterCommit(group, results);
                return store.Writers == 1 ? connection : await CloseAsync(connection);
            }
            catch (Exception exception)
            {
                connection = await CloseAsync(connection);
                if (attempt < maxAttempts && (store.IsTransient(exception) || exception is UsageConflictVanishedException))
                {
                    LogRetrying(logger, exception, group.Count, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), CancellationToken.None);
                    continue;
                }

                LogGroupFailed(logger, exception, group.Count);
                foreach (var submission in group)
                {
                    submission.Completion.TrySetException(new UsageWriteFailedException(exception));
                }

                return null;
            }
        }
    }

    private async Task<UsageBatchResult[]> WriteOnceAsync(DbConnection connection, List<PendingSubmission> group, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(connection, cancellationToken);
        foreach (var candidate in group.SelectMany(s => s.Candidates))
        {
            candidate.Outcome = null;
            candidate.Inserted = false;
        }

        // Rounds: a round inserts the records that share no key with an earlier record of the round ("leaders"); the
        // others wait for the next round, where they meet the leaders' rows in the table and are classified like any
        // collision. So within a submission and within a group the first record wins, exactly as across groups.
        var pending = group.SelectMany(s => s.Candidates).ToList();
        while (pending.Count > 0)
        {
            var naturalKeys = new HashSet<(string, string, DateTimeOffset)>();
            var idempotencyKeys = new HashSet<(OrganisationId, string)>();
            var leaders = new List<UsageCandidate>(pending.Count);
            var followers = new List<UsageCandidate>();
            foreach (var candidate in pending)
            {
                var natural = naturalKeys.Add(UsageDedupe.NaturalKey(candidate));
                var keyed = candidate.IdempotencyKey is not { } key || idempotencyKeys.Add((candidate.SellerId, key));
                (natural && keyed ? leaders : followers).Add(candidate);
            }

            var inserted = await store.InsertAsync(connection, transaction, leaders, cancellationToken);
            var collided = new List<UsageCandidate>();
            foreach (var leader in leaders)
            {
                if (inserted.Contains(leader.Id))
                {
                    leader.Inserted = true;
                    leader.Outcome = UsageDedupe.Stored(leader);
                }
                else
                {
                    collided.Add(leader);
                }
            }

            if (collided.Count > 0)
            {
                var stored = await store.FindAsync(connection, transaction, collided, cancellationToken);
                var matches = UsageStore.Match(collided, stored);
                for (var i = 0; i < collided.Count; i++)
                {
                    collided[i].Outcome = UsageDedupe.Classify(collided[i], matches[i].ByIdempotencyKey, matches[i].ByNaturalKey)
                        ?? throw new UsageConflictVanishedException();
                }
            }

            pending = followers;
        }

        var results = new UsageBatchResult[group.Count];
        var logs = new List<SubmissionLog>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var submission = group[i];
            foreach (var candidate in submission.Candidates)
            {
                submission.Outcomes[candidate.Index] = candidate.Outcome;
            }

            results[i] = submission.Result();
            logs.Add(submission.ToLog(results[i]));
        }

        await store.InsertSubmissionsAsync(connection, transaction, logs, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private void AfterCommit(List<PendingSubmission> group, UsageBatchResult[] results)
    {
        long accepted = 0, duplicates = 0, rejected = 0, records = 0;
        foreach (var result in results)
        {
            accepted += result.Accepted;
            duplicates += result.Duplicates;
            rejected += result.Rejected;
        }

        foreach (var submission in group)
        {
            records += submission.Candidates.Count;
            foreach (var candidate in submission.Candidates)
            {
                if (candidate is { Inserted: true, FirstUsageUnknown: true })
                {
                    firstUsage.Notice(candidate.AgreementId, candidate.Timestamp);
                }
            }
        }

        MeteringTelemetry.Accepted.Add(accepted);
        MeteringTelemetry.Duplicates.Add(duplicates);
        MeteringTelemetry.Rejected.Add(rejected);
        MeteringTelemetry.GroupRecords.Record(records);
        MeteringTelemetry.GroupSubmissions.Record(group.Count);
    }

    private static async Task<DbConnection?> CloseAsync(DbConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a group of {Submissions} usage submissions failed (attempt {Attempt}); trying again")]
    private static partial void LogRetrying(ILogger logger, Exception exception, int submissions, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing a group of {Submissions} usage submissions failed; none was acknowledged")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, int submissions);
}

/// <summary>The transaction holding a submission failed: none of its records was stored, the caller should retry.</summary>
internal sealed class UsageWriteFailedException(Exception inner)
    : Exception("The usage records could not be stored; nothing was acknowledged. Send them again.", inner);

/// <summary>An insert collided with a row that the look-up then did not find (it cannot be deleted); the transaction is retried.</summary>
internal sealed class UsageConflictVanishedException() : Exception("A usage record collided with a stored record that could not be found.");

namespace Tradewind.Metering;

/// <summary>Settings under <c>Metering</c>.</summary>
internal sealed class MeteringOptions
{
    public const string Section = "Metering";

    /// <summary>How old a record sent through <c>POST /api/v1/usage</c> may be (default 72 hours).</summary>
    public TimeSpan RestMaxAge { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// How long a customer's agreements are remembered between submissions. Agreement events drop a customer at once on
    /// the node that delivers them; other nodes see a cancellation or suspension within this time. Records are judged
    /// by their own timestamp against the agreement's dates either way. Zero turns the cache off.
    /// </summary>
    public TimeSpan CustomerCacheLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most customers kept in memory; past that the cache starts over.</summary>
    public int MaxCachedCustomers { get; set; } = 200_000;

    /// <summary>The most records one group-commit transaction takes (whole submissions are never split).</summary>
    public int MaxGroupRecords { get; set; } = 32_000;

    /// <summary>Parallel writers on PostgreSQL (SQLite has one writer by nature).</summary>
    public int PostgresWriters { get; set; } = 2;

    /// <summary>How often a failed group transaction is tried again when the failure is transient.</summary>
    public int MaxWriteAttempts { get; set; } = 3;

    /// <summary>How long submissions stay in the log.</summary>
    public TimeSpan SubmissionLogRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many logged submissions a seller keeps at most.</summary>
    public int SubmissionLogMaxPerSeller { get; set; } = 1000;

    /// <summary>How often the log is trimmed; zero or less turns the cleanup off.</summary>
    public TimeSpan SubmissionLogCleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}

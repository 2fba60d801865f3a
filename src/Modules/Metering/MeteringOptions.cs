namespace Tradewind.Metering;

/// <summary>Settings under <c>Metering</c>.</summary>
internal sealed class MeteringOptions
{
    public const string Section = "Metering";

    /// <summary>How old a record sent through <c>POST /api/v1/usage</c> may be (default 72 hours).</summary>
    public TimeSpan RestMaxAge { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// How long a customer's agreements are remembered between submissions. A cancellation or suspension is seen within
    /// this time; records are judged by their own timestamp against the agreement's dates either way.
    /// </summary>
    public TimeSpan CustomerCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);

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

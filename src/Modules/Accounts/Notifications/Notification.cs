using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Notifications;

/// <summary>
/// One message in a buyer organisation's inbox, written once in the organisation's language. <see cref="SourceKey"/>
/// names the event it reports and is unique, so an event delivered twice by the outbox notifies once.
/// </summary>
internal sealed class Notification
{
    public NotificationId Id { get; set; }

    public OrganisationId RecipientId { get; set; }

    public string SourceKey { get; set; } = "";

    public NotificationKind Kind { get; set; }

    public string Language { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public string? Link { get; set; }

    /// <summary>When the reported event happened; the inbox is ordered by it.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// The e-mail of a notification to one person, in that person's language. Sent in the background: claimed with a
/// lease, retried with back-off, and after <see cref="MaxAttempts"/> failures left <see cref="NotificationEmailStatus.Failed"/>
/// with the last error, so nothing is dropped silently.
/// </summary>
internal sealed class NotificationEmail
{
    public const int MaxAttempts = 8;

    public NotificationEmailId Id { get; set; }

    public NotificationId NotificationId { get; set; }

    public string To { get; set; } = "";

    public string Language { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public NotificationEmailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public Guid? LeaseToken { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// Back-off after failed attempt <paramref name="attempts"/>: one minute, quadrupling, capped at six hours
    /// (1 m, 4 m, 16 m, 64 m, 4 h 16 m, 6 h, 6 h: about 17 hours in all before the e-mail is marked failed).
    /// </summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(4, Math.Max(0, attempts - 1))));
}

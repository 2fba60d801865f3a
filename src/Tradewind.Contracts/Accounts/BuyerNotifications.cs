using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>
/// The in-app inbox of buyer organisations and the e-mails that carry the same messages. Texts arrive already written
/// in the recipient's language (the web host renders them); this store keeps them, de-duplicates by source event and
/// schedules each e-mail's delivery with retries.
/// </summary>
public interface IBuyerNotifications
{
    /// <summary>
    /// Stores a notification and queues its e-mails in one transaction. A second notification with the same
    /// <see cref="NewNotification.SourceKey"/> (a redelivered event) is ignored: returns false and changes nothing.
    /// </summary>
    Task<bool> RecordAsync(NewNotification notification, CancellationToken cancellationToken);

    /// <summary>One organisation's notifications, newest first.</summary>
    Task<Page<NotificationDto>> ListAsync(OrganisationId recipientId, PageRequest page, CancellationToken cancellationToken);

    Task<int> CountUnreadAsync(OrganisationId recipientId, CancellationToken cancellationToken);

    /// <summary>Marks one of the organisation's notifications read; another organisation's is <c>notification-not-found</c>.</summary>
    Task MarkReadAsync(OrganisationId recipientId, NotificationId id, CancellationToken cancellationToken);

    /// <summary>Marks every unread notification of the organisation read; returns how many changed.</summary>
    Task<int> MarkAllReadAsync(OrganisationId recipientId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> e-mails that are due (pending, next attempt reached, no live lease) for
    /// <paramref name="lease"/>, so that only one node sends each attempt.
    /// </summary>
    Task<IReadOnlyList<NotificationEmailDto>> ClaimDueEmailsAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a delivered e-mail (guarded by the claim's lease token).</summary>
    Task RecordEmailSentAsync(NotificationEmailId id, Guid leaseToken, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and schedules the next one, or marks the e-mail failed after the last attempt.</summary>
    Task RecordEmailFailedAsync(NotificationEmailId id, Guid leaseToken, string failure, CancellationToken cancellationToken);
}

/// <summary>What a notification is about; stored by name.</summary>
public enum NotificationKind
{
    SubscriptionStarted,
    TrialStarted,
    TrialEnding,
    TrialConverted,
    CancellationScheduled,
    SubscriptionCancelled,
    SubscriptionSuspended,
    SubscriptionReinstated,
    InvoiceIssued,
    CreditNoteIssued,
    InvoicePaid,
    DirectDebitScheduled,
}

/// <param name="RecipientId">The buyer organisation whose inbox receives it.</param>
/// <param name="SourceKey">Identifies the event it reports (kind, subject and instant); unique, so redelivery notifies once.</param>
/// <param name="Kind">What it reports.</param>
/// <param name="Language">The neutral culture the texts are written in ("ja").</param>
/// <param name="Subject">One line, also the e-mail subject.</param>
/// <param name="Body">Plain text; paragraphs separated by blank lines.</param>
/// <param name="Link">A local path the reader follows for details, or null.</param>
/// <param name="OccurredAt">When the reported event happened; the inbox is ordered by it.</param>
/// <param name="Emails">One per recipient person, each in that person's language.</param>
public sealed record NewNotification(
    OrganisationId RecipientId,
    string SourceKey,
    NotificationKind Kind,
    string Language,
    string Subject,
    string Body,
    string? Link,
    DateTimeOffset OccurredAt,
    IReadOnlyList<NotificationEmailText> Emails);

/// <summary>One e-mail to send: the address and the text in the addressee's language.</summary>
public sealed record NotificationEmailText(string To, string Language, string Subject, string Body);

public sealed record NotificationDto(
    NotificationId Id,
    NotificationKind Kind,
    string Language,
    string Subject,
    string Body,
    string? Link,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    NotificationEmailSummary Email);

/// <summary>How the notification's e-mails fared: counts by state and the last error, if any.</summary>
public sealed record NotificationEmailSummary(int Pending, int Sent, int Failed, string? LastError);

public enum NotificationEmailStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>A claimed e-mail: the text to send and the lease token that records its outcome.</summary>
public sealed record NotificationEmailDto(
    NotificationEmailId Id,
    NotificationId NotificationId,
    string To,
    string Language,
    string Subject,
    string Body,
    string? Link,
    int Attempts,
    Guid LeaseToken);

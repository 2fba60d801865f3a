using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Notifications;

internal sealed class BuyerNotifications(TradewindDbContext db, TimeProvider clock) : IBuyerNotifications
{
    public async Task<bool> RecordAsync(NewNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (await db.Set<Notification>().AnyAsync(n => n.SourceKey == notification.SourceKey, cancellationToken))
        {
            return false;
        }

        try
        {
            return await db.InTransactionAsync(
                async ct =>
                {
                    var now = clock.GetUtcNow();
                    var stored = new Notification
                    {
                        Id = NotificationId.New(clock),
                        RecipientId = notification.RecipientId,
                        SourceKey = notification.SourceKey,
                        Kind = notification.Kind,
                        Language = notification.Language,
                        Subject = Clip(notification.Subject, 300),
                        Body = Clip(notification.Body, 4000),
                        Link = notification.Link,
                        OccurredAt = notification.OccurredAt,
                        CreatedAt = now,
                    };
                    db.Add(stored);
                    foreach (var email in notification.Emails)
                    {
                        db.Add(new NotificationEmail
                        {
                            Id = NotificationEmailId.New(clock),
                            NotificationId = stored.Id,
                            To = email.To,
                            Language = email.Language,
                            Subject = Clip(email.Subject, 300),
                            Body = Clip(email.Body, 4000),
                            Status = NotificationEmailStatus.Pending,
                            NextAttemptAt = now,
                        });
                    }

                    await db.SaveChangesAsync(ct);
                    return true;
                },
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two nodes delivered the same event at once; the unique source key let one of them through.
            if (await IsRecordedAsync(notification.SourceKey, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<Page<NotificationDto>> ListAsync(OrganisationId recipientId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<Notification>().AsNoTracking().Where(n => n.RecipientId == recipientId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(n => n.OccurredAt).ThenByDescending(n => n.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var ids = rows.Select(n => n.Id).ToList();
        var emails = await db.Set<NotificationEmail>().AsNoTracking()
            .Where(m => ids.Contains(m.NotificationId))
            .Select(m => new { m.NotificationId, m.Status, m.LastError })
            .ToListAsync(cancellationToken);
        var items = rows.Select(n =>
            {
                var mine = emails.Where(m => m.NotificationId == n.Id).ToList();
                var summary = new NotificationEmailSummary(
                    mine.Count(m => m.Status == NotificationEmailStatus.Pending),
                    mine.Count(m => m.Status == NotificationEmailStatus.Sent),
                    mine.Count(m => m.Status == NotificationEmailStatus.Failed),
                    mine.Select(m => m.LastError).FirstOrDefault(e => e is not null));
                return new NotificationDto(n.Id, n.Kind, n.Language, n.Subject, n.Body, n.Link, n.OccurredAt, n.ReadAt, summary);
            })
            .ToList();
        return new Page<NotificationDto>(items, page.Number, page.Size, total);
    }

    public Task<int> CountUnreadAsync(OrganisationId recipientId, CancellationToken cancellationToken) =>
        db.Set<Notification>().CountAsync(n => n.RecipientId == recipientId && n.ReadAt == null, cancellationToken);

    public async Task MarkReadAsync(OrganisationId recipientId, NotificationId id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mine = db.Set<Notification>().Where(n => n.Id == id && n.RecipientId == recipientId);
        if (!await mine.AnyAsync(cancellationToken))
        {
            throw new DomainException("notification-not-found", $"Notification {id} does not exist.", DomainErrorKind.NotFound);
        }

        await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    public Task<int> MarkAllReadAsync(OrganisationId recipientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Set<Notification>().Where(n => n.RecipientId == recipientId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationEmailDto>> ClaimDueEmailsAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Set<NotificationEmail>().AsNoTracking()
            .Where(m => m.Status == NotificationEmailStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

        var claimed = new List<NotificationEmailDto>();
        foreach (var id in candidates)
        {
            var token = Guid.NewGuid();
            var until = now + lease;
            var won = await db.Set<NotificationEmail>()
                .Where(m => m.Id == id && m.Status == NotificationEmailStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until).SetProperty(m => m.LeaseToken, token), cancellationToken);
            if (won == 0)
            {
                continue;
            }

            var row = await (
                    from m in db.Set<NotificationEmail>().AsNoTracking()
                    join n in db.Set<Notification>().AsNoTracking() on m.NotificationId equals n.Id
                    where m.Id == id
                    select new NotificationEmailDto(m.Id, m.NotificationId, m.To, m.Language, m.Subject, m.Body, n.Link, m.Attempts, token))
                .SingleAsync(cancellationToken);
            claimed.Add(row);
        }

        return claimed;
    }

    public async Task RecordEmailSentAsync(NotificationEmailId id, Guid leaseToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Set<NotificationEmail>().Where(m => m.Id == id && m.LeaseToken == leaseToken)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, NotificationEmailStatus.Sent)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LeaseToken, (Guid?)null),
                cancellationToken);
    }

    public async Task RecordEmailFailedAsync(NotificationEmailId id, Guid leaseToken, string failure, CancellationToken cancellationToken)
    {
        var email = await db.Set<NotificationEmail>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.LeaseToken == leaseToken, cancellationToken);
        if (email is null)
        {
            return;
        }

        var attempts = email.Attempts + 1;
        var status = attempts >= NotificationEmail.MaxAttempts ? NotificationEmailStatus.Failed : NotificationEmailStatus.Pending;
        var next = clock.GetUtcNow() + NotificationEmail.RetryDelay(attempts);
        var message = Clip(failure, 2000);
        await db.Set<NotificationEmail>().Where(m => m.Id == id && m.LeaseToken == leaseToken)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, message)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LeaseToken, (Guid?)null),
                cancellationToken);
    }

    private async Task<bool> IsRecordedAsync(string sourceKey, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<Notification>().AnyAsync(n => n.SourceKey == sourceKey, cancellationToken);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

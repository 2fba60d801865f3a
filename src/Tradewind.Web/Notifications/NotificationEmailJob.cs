using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Web.Notifications;

/// <summary>
/// Sends notification e-mails in the background, after the notification is stored: each pass claims due e-mails with
/// a lease (so two nodes never send the same attempt), hands each to <see cref="NotificationMail"/> and records the
/// outcome. A failure is stored on the e-mail and retried with back-off until its attempts run out.
/// </summary>
internal sealed partial class NotificationEmailJob(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationEmailJob> logger)
    : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>One pass; returns how many e-mails were handed over.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IBuyerNotifications>();
        var mail = scope.ServiceProvider.GetRequiredService<NotificationMail>();
        var sent = 0;
        foreach (var email in await store.ClaimDueEmailsAsync(BatchSize, Lease, cancellationToken))
        {
            try
            {
                await mail.SendAsync(mail.Build(email), cancellationToken);
                await store.RecordEmailSentAsync(email.Id, email.LeaseToken, cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSendFailed(logger, ex, email.Id.ToString(), email.Attempts + 1);
                await store.RecordEmailFailedAsync(email.Id, email.LeaseToken, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliveryEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }

            if (sent == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending notification e-mail {EmailId} failed on attempt {Attempt}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string emailId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification e-mail pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Webhooks.Endpoints;

namespace Tradewind.Webhooks.Deliveries;

/// <summary>
/// Makes one attempt of a delivery: claims it with a lease, POSTs the signed body, logs the attempt and moves the
/// delivery on (succeeded, next retry, or failed). The schedule is the retry policy: the HTTP client itself never retries.
/// </summary>
internal sealed class WebhookSender(
    TradewindDbContext db,
    SigningSecrets secrets,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    /// <summary>Long enough for the request timeout and the bookkeeping around it.</summary>
    private TimeSpan Lease => options.Value.Delivery.Timeout + TimeSpan.FromSeconds(50);

    /// <summary>
    /// Takes the lease on a delivery; null when another node holds it (or, with <paramref name="dueOnly"/>, when it is
    /// no longer pending and due). The conditional update is atomic, so only one claimant wins.
    /// </summary>
    public async Task<Guid?> ClaimAsync(WebhookDeliveryId id, bool dueOnly, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        DateTimeOffset? leaseEnd = now + Lease;
        var query = db.Set<WebhookDelivery>().Where(d => d.Id == id && (d.LockedUntil == null || d.LockedUntil < now));
        if (dueOnly)
        {
            query = query.Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now);
        }

        var claimed = await query.ExecuteUpdateAsync(
            s => s.SetProperty(d => d.LockedUntil, leaseEnd).SetProperty(d => d.LeaseToken, token),
            cancellationToken);
        return claimed == 1 ? token : null;
    }

    /// <summary>
    /// Sends the claimed delivery once and records the outcome. A manual attempt (<paramref name="triggeredBy"/> set)
    /// does not move the back-off schedule: on success the delivery is done, on failure it keeps its status and next time.
    /// </summary>
    public async Task<WebhookAttempt> AttemptAsync(WebhookDeliveryId id, Guid lease, string? triggeredBy, CancellationToken cancellationToken)
    {
        var delivery = await db.Set<WebhookDelivery>().AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().SingleAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        var startedAt = clock.GetUtcNow();
        var outcome = await SendAsync(endpoint, delivery, startedAt, cancellationToken);

        var now = clock.GetUtcNow();
        var attempt = new WebhookAttempt
        {
            Id = Guid.CreateVersion7(startedAt),
            DeliveryId = id,
            Number = delivery.AttemptCount + 1,
            StartedAt = startedAt,
            DurationMilliseconds = outcome.DurationMilliseconds,
            StatusCode = outcome.StatusCode,
            Error = outcome.Error is { Length: > WebhookAttempt.MaxErrorLength } tooLong ? tooLong[..WebhookAttempt.MaxErrorLength] : outcome.Error,
            ResponseExcerpt = outcome.Excerpt,
            Succeeded = outcome.Succeeded,
            TriggeredBy = triggeredBy,
        };

        var status = delivery.Status;
        var scheduled = delivery.ScheduledAttempts;
        var next = delivery.NextAttemptAt;
        var succeededAt = delivery.SucceededAt;
        if (outcome.Succeeded)
        {
            status = WebhookDeliveryStatus.Succeeded;
            next = null;
            succeededAt ??= now;
        }
        else if (triggeredBy is null || (status == WebhookDeliveryStatus.Pending && IsTestEvent(delivery)))
        {
            scheduled++;
            // A test event is tried once: its purpose is the answer the seller is looking at now.
            var delay = IsTestEvent(delivery)
                ? null
                : RetrySchedule.From(options.Value.Delivery).DelayAfter(scheduled, Random.Shared.NextDouble());
            status = delay is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
            next = delay is { } d ? now + d : null;
        }

        var attempts = attempt.Number;
        var lastError = attempt.Error;
        var lastStatus = attempt.StatusCode;
        await db.InTransactionAsync(
            async ct =>
            {
                var updated = await db.Set<WebhookDelivery>()
                    .Where(d => d.Id == id && d.LeaseToken == lease)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(d => d.Status, status)
                            .SetProperty(d => d.AttemptCount, attempts)
                            .SetProperty(d => d.ScheduledAttempts, scheduled)
                            .SetProperty(d => d.NextAttemptAt, next)
                            .SetProperty(d => d.LastAttemptAt, startedAt)
                            .SetProperty(d => d.LastStatusCode, lastStatus)
                            .SetProperty(d => d.LastError, lastError)
                            .SetProperty(d => d.SucceededAt, succeededAt)
                            .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null)
                            .SetProperty(d => d.LeaseToken, (Guid?)null),
                        ct);
                if (updated == 0)
                {
                    throw new InvalidOperationException($"The lease on webhook delivery {id} ran out before its attempt was recorded; it will be tried again.");
                }

                db.Add(attempt);
                await db.SaveChangesAsync(ct);
                return 0;
            },
            cancellationToken);
        return attempt;
    }

    private async Task<Outcome> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var signingSecrets = new List<string> { secrets.Unprotect(endpoint.Secret) };
        if (endpoint.PreviousSecretAt(now) is { } previous)
        {
            signingSecrets.Add(secrets.Unprotect(previous));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.CreateHeader(signingSecrets, now.ToUnixTimeSeconds(), body));
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, delivery.Id.ToString());
        request.Headers.TryAddWithoutValidation(WebhookSignature.TypeHeader, delivery.MessageType);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Tradewind-Webhooks", "1"));

        var timeout = options.Value.Delivery.Timeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A network timeout is real elapsed time, not domain time, so it is not taken from the injected clock.
        timeoutSource.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var client = httpClients.CreateClient(WebhookOptions.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            var excerpt = await ReadExcerptAsync(response, timeoutSource.Token);
            var status = (int)response.StatusCode;
            var succeeded = status is >= 200 and <= 299;
            return new Outcome(status, succeeded ? null : $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), excerpt, succeeded, Elapsed(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(null, string.Create(CultureInfo.InvariantCulture, $"No response within {timeout.TotalSeconds:0.#} seconds."), "", false, Elapsed(started));
        }
        catch (HttpRequestException exception)
        {
            var reason = exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
                ? $"{exception.Message} {inner.Message}"
                : exception.Message;
            return new Outcome(null, reason, "", false, Elapsed(started));
        }
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookAttempt.MaxExcerptBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        // The cut may split a UTF-8 sequence; the decoder substitutes U+FFFD rather than failing.
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static bool IsTestEvent(WebhookDelivery delivery) => string.Equals(delivery.MessageType, WebhookTestEvent.MessageType, StringComparison.Ordinal);

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private sealed record Outcome(int? StatusCode, string? Error, string Excerpt, bool Succeeded, long DurationMilliseconds);
}

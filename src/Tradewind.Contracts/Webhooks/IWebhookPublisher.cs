using System.Text.Json.Nodes;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Webhooks;

/// <summary>
/// Queues a signed notification to every active webhook endpoint a seller has subscribed to the message type.
/// The deliveries are added to the current unit of work: the caller's <c>SaveChanges</c> commits them together
/// with the change they announce, and they are sent (at least once) after it commits.
/// </summary>
public interface IWebhookPublisher
{
    /// <param name="seller">The seller organisation whose endpoints receive the message.</param>
    /// <param name="messageType">One of <see cref="WebhookMessageTypes"/>.</param>
    /// <param name="payload">The message body, in the shape AWS Marketplace's SaaS notifications use.</param>
    /// <param name="cancellationToken">Cancels the enqueue, not a delivery.</param>
    Task EnqueueAsync(OrganisationId seller, string messageType, JsonObject payload, CancellationToken cancellationToken);
}

/// <summary>The notification types, named as AWS Marketplace names its SaaS notifications, plus trial events.</summary>
public static class WebhookMessageTypes
{
    public const string SubscribeSuccess = "subscribe-success";
    public const string SubscribeFail = "subscribe-fail";
    public const string UnsubscribePending = "unsubscribe-pending";
    public const string UnsubscribeSuccess = "unsubscribe-success";
    public const string EntitlementUpdated = "entitlement-updated";
    public const string FreeTrialStarted = "free-trial-started";
    public const string FreeTrialEndingSoon = "free-trial-ending-soon";
    public const string FreeTrialConverted = "free-trial-converted";

    public static IReadOnlyList<string> All { get; } =
    [
        SubscribeSuccess, SubscribeFail, UnsubscribePending, UnsubscribeSuccess, EntitlementUpdated,
        FreeTrialStarted, FreeTrialEndingSoon, FreeTrialConverted,
    ];
}

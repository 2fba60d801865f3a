using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>Records what would be queued for sellers, so tests can check when notifications are sent and what they say.</summary>
public sealed class RecordingWebhookPublisher : IWebhookPublisher
{
    private readonly ConcurrentQueue<(OrganisationId Seller, string Type, JsonObject Payload)> _messages = new();

    public IReadOnlyList<(OrganisationId Seller, string Type, JsonObject Payload)> Messages => _messages.ToList();

    public Task EnqueueAsync(OrganisationId seller, string messageType, JsonObject payload, CancellationToken cancellationToken)
    {
        _messages.Enqueue((seller, messageType, payload.DeepClone().AsObject()));
        return Task.CompletedTask;
    }

    /// <summary>The message types sent about one agreement, in order.</summary>
    public IReadOnlyList<string> TypesFor(string agreementId) =>
        Messages.Where(m => (string?)m.Payload["agreement-id"] == agreementId).Select(m => m.Type).ToList();
}

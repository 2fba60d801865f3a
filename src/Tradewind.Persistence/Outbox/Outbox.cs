using System.Text.Json;
using Tradewind.Contracts.Events;

namespace Tradewind.Persistence.Outbox;

/// <summary>Adds events to the current unit of work; they are saved by the caller's <c>SaveChangesAsync</c>.</summary>
public sealed class Outbox(TradewindDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web) { Converters = { new MoneyJsonConverter() } };

    public void Add(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, SerializerOptions),
            OccurredAt = integrationEvent.OccurredAt,
        });
    }
}

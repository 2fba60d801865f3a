using Microsoft.EntityFrameworkCore;
using Tradewind.Catalog.Listings;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Localization;
using Tradewind.Persistence;

namespace Tradewind.Catalog.Jobs;

/// <summary>
/// A listing's translations changed: mark the listing changed, so every node's search index picks up its translated
/// text at its next refresh (the index polls listings by <see cref="Listing.ChangedAt"/>).
/// </summary>
internal sealed class TranslationsChangedConsumer(TradewindDbContext db, TimeProvider clock) : IIntegrationEventConsumer<ListingTranslationsChanged>
{
    public async Task ConsumeAsync(ListingTranslationsChanged integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var now = clock.GetUtcNow();
        await db.Set<Listing>().Where(l => l.Id == integrationEvent.ProductId && l.Listed)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ChangedAt, now), cancellationToken);
    }
}

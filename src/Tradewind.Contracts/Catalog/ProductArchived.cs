using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>A product was withdrawn for good (by its seller or the operator).</summary>
public sealed record ProductArchived(ProductId ProductId, OrganisationId SellerId, bool WasPublished, DateTimeOffset OccurredAt) : IIntegrationEvent;

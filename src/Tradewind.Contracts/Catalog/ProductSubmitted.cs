using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>A product was submitted for review.</summary>
public sealed record ProductSubmitted(ProductId ProductId, OrganisationId SellerId, int? PublishedRevision, DateTimeOffset OccurredAt) : IIntegrationEvent;

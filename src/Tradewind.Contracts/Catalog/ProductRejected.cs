using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>A product was refused by the operator's review; the reason is for the seller.</summary>
public sealed record ProductRejected(ProductId ProductId, OrganisationId SellerId, string Reason, DateTimeOffset OccurredAt) : IIntegrationEvent;

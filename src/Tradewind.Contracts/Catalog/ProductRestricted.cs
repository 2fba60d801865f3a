using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>A product was taken off the storefront by the operator.</summary>
public sealed record ProductRestricted(ProductId ProductId, OrganisationId SellerId, string Reason, DateTimeOffset OccurredAt) : IIntegrationEvent;

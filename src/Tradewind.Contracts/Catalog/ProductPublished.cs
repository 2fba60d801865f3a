using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>A product was approved: the revision it was approved with is now on the storefront.</summary>
public sealed record ProductPublished(ProductId ProductId, OrganisationId SellerId, int Revision, string Slug, DateTimeOffset OccurredAt) : IIntegrationEvent;

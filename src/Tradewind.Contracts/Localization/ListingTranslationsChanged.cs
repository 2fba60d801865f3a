using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Localization;

/// <summary>What a listing shows in some language changed (a translation finished, was edited, or a language was opted out).</summary>
public sealed record ListingTranslationsChanged(ProductId ProductId, string Language, DateTimeOffset OccurredAt) : IIntegrationEvent;

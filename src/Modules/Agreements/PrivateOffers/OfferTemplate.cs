using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.PrivateOffers;

/// <summary>A seller's saved offer draft (without a buyer), to start new offers from. Stored as the draft's JSON.</summary>
internal sealed class OfferTemplate
{
    public OfferTemplateId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    public required string Name { get; init; }

    public required string DraftJson { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}

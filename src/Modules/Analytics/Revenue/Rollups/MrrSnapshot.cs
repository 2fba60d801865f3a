using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Revenue.Rollups;

/// <summary>
/// A customer's MRR from one product at the start of <see cref="Month"/> (UTC, first day), in the agreement's
/// currency (<c>analytics_mrr_snapshots</c>). Only rows with MRR or contracted ARR above 0 are stored; a missing row is
/// MRR 0. <see cref="MeasuredAt"/> is the month start, or, for the month after the current one, the instant of the
/// last rebuild (a provisional closing figure for the month in progress). Rebuilt from agreements and billed usage by
/// <see cref="MrrRollup"/>; see docs/decisions/0041.
/// </summary>
internal sealed class MrrSnapshot
{
    public DateOnly Month { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public OrganisationId BuyerId { get; init; }

    /// <summary>ISO 4217: the agreement's (listing's) currency, never the invoice's.</summary>
    public required string Currency { get; init; }

    /// <summary>ISO 3166-1 alpha-2 of the buyer organisation.</summary>
    public required string BuyerCountry { get; init; }

    /// <summary>Contract price ÷ term months of the paid agreements in force (trials and free tiers are 0).</summary>
    public long CommittedMinor { get; set; }

    /// <summary>Net usage billed for the last complete calendar month before <see cref="Month"/> (credit notes subtract).</summary>
    public long PaygMinor { get; set; }

    /// <summary>Private offers in force: total contract value ÷ contract years.</summary>
    public long ContractedArrMinor { get; set; }

    public DateTimeOffset MeasuredAt { get; init; }
}

namespace Tradewind.Payments.Ledger;

/// <summary>
/// The marketplace's listing fee, a percentage of the pre-tax amount the buyer is charged (configuration section
/// <c>Payments:ListingFees</c>). The defaults are AWS Marketplace's for SaaS: 3 % on public offers; on private offers
/// 3 % below a total contract value of 11 million USD, 2 % up to 110 million, 1.5 % above, and 1.5 % on renewals.
/// </summary>
internal sealed class ListingFeeOptions
{
    public const string Section = "Payments:ListingFees";

    public decimal PublicOfferPercent { get; set; } = 3m;

    public decimal PrivateOfferPercent { get; set; } = 3m;

    public decimal LargePrivateOfferPercent { get; set; } = 2m;

    public decimal VeryLargePrivateOfferPercent { get; set; } = 1.5m;

    public decimal RenewalPercent { get; set; } = 1.5m;

    /// <summary>Total contract value (USD) from which <see cref="LargePrivateOfferPercent"/> applies.</summary>
    public decimal LargeContractValueUsd { get; set; } = 11_000_000m;

    /// <summary>Total contract value (USD) from which <see cref="VeryLargePrivateOfferPercent"/> applies.</summary>
    public decimal VeryLargeContractValueUsd { get; set; } = 110_000_000m;

    /// <summary>The fee on a public offer's charges, as a fraction.</summary>
    public decimal PublicOfferRate => PublicOfferPercent / 100m;

    /// <summary>The fee on a private offer's charges, as a fraction, by its total contract value in USD.</summary>
    public decimal PrivateOfferRate(decimal contractValueUsd, bool renewal)
    {
        if (renewal)
        {
            return RenewalPercent / 100m;
        }

        var percent = contractValueUsd >= VeryLargeContractValueUsd ? VeryLargePrivateOfferPercent
            : contractValueUsd >= LargeContractValueUsd ? LargePrivateOfferPercent
            : PrivateOfferPercent;
        return percent / 100m;
    }
}

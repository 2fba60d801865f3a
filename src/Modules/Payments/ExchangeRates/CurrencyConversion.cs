using Tradewind.Primitives.Ids;

namespace Tradewind.Payments.ExchangeRates;

/// <summary>
/// The audit record of one conversion: the amounts, the exact rate applied, the stored rates it came from, and how
/// the result was rounded. Written once, never changed, so a tax auditor can redo the arithmetic.
/// </summary>
internal sealed class CurrencyConversion
{
    public CurrencyConversionId Id { get; init; }

    public long FromMinor { get; init; }

    public required string FromCurrency { get; init; }

    public long ToMinor { get; init; }

    public required string ToCurrency { get; init; }

    /// <summary>1 unit of <see cref="FromCurrency"/> = <see cref="Rate"/> units of <see cref="ToCurrency"/>, unrounded.</summary>
    public decimal Rate { get; init; }

    /// <summary>The stored rate of the target leg (EUR → target), or of the source leg when the target is EUR.</summary>
    public ExchangeRateId? RateId { get; init; }

    /// <summary>For a cross rate between two non-EUR currencies, the stored rate of the source leg (EUR → source).</summary>
    public ExchangeRateId? CrossRateId { get; init; }

    public required string Source { get; init; }

    /// <summary>The day the caller asked for.</summary>
    public DateOnly Date { get; init; }

    /// <summary>The publication day whose rates were used (the older leg's for a cross rate).</summary>
    public DateOnly AsOf { get; init; }

    public MidpointRounding Rounding { get; init; }

    public required string Purpose { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

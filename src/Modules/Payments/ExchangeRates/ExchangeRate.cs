using Tradewind.Primitives.Ids;

namespace Tradewind.Payments.ExchangeRates;

/// <summary>
/// One stored rate: 1 <see cref="Base"/> = <see cref="Rate"/> × <see cref="Quote"/> for the publication day
/// <see cref="AsOf"/>. Every stored rate is EUR-based, as the ECB publishes them; other pairs are derived through EUR.
/// At most one rate per (source, base, quote, day): re-importing a file finds the row it inserted before.
/// </summary>
internal sealed class ExchangeRate
{
    /// <summary>Rates are stored with this many decimal places; the ECB publishes at most six significant digits.</summary>
    public const int Scale = 10;

    public ExchangeRateId Id { get; init; }

    /// <summary><c>ECB</c> or <c>operator</c>.</summary>
    public required string Source { get; init; }

    public required string Base { get; init; }

    public required string Quote { get; init; }

    /// <summary>Positive, at most <see cref="Scale"/> decimal places; exact (never a floating-point number).</summary>
    public decimal Rate { get; set; }

    /// <summary>
    /// The day the rate belongs to: the ECB's publication date (<c>Cube/@time</c>), a calendar date in Frankfurt,
    /// not an instant. The ECB publishes around 16:00 CET on TARGET business days only.
    /// </summary>
    public DateOnly AsOf { get; init; }

    /// <summary>When this row was written or last corrected (UTC).</summary>
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Who wrote it: the importing person or key, or the operator who set the override.</summary>
    public required string CreatedBy { get; set; }
}

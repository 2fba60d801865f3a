using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Payments;

/// <summary>Where a rate comes from. Stored as text in <c>payments_exchange_rates.source</c>.</summary>
public static class RateSources
{
    /// <summary>The European Central Bank's euro foreign exchange reference rates.</summary>
    public const string Ecb = "ECB";

    /// <summary>A rate the operator set for one day; it wins over the ECB rate of that day.</summary>
    public const string Operator = "operator";

    /// <summary>A conversion between amounts of the same currency: no rate was needed.</summary>
    public const string SameCurrency = "same-currency";
}

/// <summary>
/// One exchange rate: 1 <see cref="Base"/> = <see cref="Rate"/> × <see cref="Quote"/>, as published (or derived) for
/// <see cref="AsOf"/>, the publication day it belongs to. When the rate is a cross rate derived through EUR,
/// <see cref="Source"/> names both legs' sources (<c>ECB+operator</c>) and <see cref="AsOf"/> is the older leg's day.
/// </summary>
public sealed record ExchangeRateDto(string Base, string Quote, decimal Rate, string Source, DateOnly AsOf);

/// <summary>The rates in force on <see cref="Date"/> for one base currency: each quote's latest rate on or before it.</summary>
public sealed record RateTable(string Base, DateOnly Date, IReadOnlyList<ExchangeRateDto> Rates);

/// <summary>
/// What an import did. Re-importing the same file inserts nothing: every rate is <see cref="Unchanged"/>.
/// <see cref="Corrected"/> counts ECB rates whose published value changed since the last import.
/// </summary>
public sealed record RateImportResult(string Origin, DateOnly FirstDate, DateOnly LastDate, int Days, int Inserted, int Unchanged, int Corrected);

/// <summary>An operator's rate for one day: 1 <see cref="Base"/> = <see cref="Rate"/> × <see cref="Quote"/>.</summary>
public sealed record NewRateOverride(string Base, string Quote, DateOnly Date, decimal Rate);

/// <summary>
/// The audit record of one conversion: <see cref="From"/> became <see cref="To"/> at <see cref="Rate"/> (1 unit of the
/// source currency = <see cref="Rate"/> units of the target, at full precision), rounded once with
/// <see cref="Rounding"/>, using the rates published for <see cref="AsOf"/> (on or before the requested <see cref="Date"/>).
/// </summary>
public sealed record CurrencyConversionDto(
    CurrencyConversionId Id,
    Money From,
    Money To,
    decimal Rate,
    string Source,
    DateOnly Date,
    DateOnly AsOf,
    MidpointRounding Rounding,
    string Purpose,
    DateTimeOffset CreatedAt);

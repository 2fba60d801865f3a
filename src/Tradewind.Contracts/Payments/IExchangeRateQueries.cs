using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Payments;

/// <summary>Reads of the exchange-rate store; any module may call these.</summary>
public interface IExchangeRateQueries
{
    /// <summary>
    /// Each currency's rate against <paramref name="baseCurrency"/> in force on <paramref name="day"/>: the operator's
    /// override for the latest day on or before it that has a rate, else the ECB rate of that day. Rates against a
    /// base other than EUR are cross rates through EUR, rounded to 10 decimal places for display.
    /// </summary>
    Task<RateTable> GetRatesAsync(Currency baseCurrency, DateOnly day, CancellationToken cancellationToken);

    /// <summary>The recorded conversions, newest first.</summary>
    Task<Page<CurrencyConversionDto>> ListConversionsAsync(PageRequest page, CancellationToken cancellationToken);
}

/// <summary>Changes to the exchange-rate store; only the web host calls these.</summary>
public interface IExchangeRateCommands
{
    /// <summary>Imports an ECB reference-rate file (daily or history); refuses the whole file when any part is invalid.</summary>
    Task<RateImportResult> ImportEcbAsync(Stream xml, string origin, string actor, CancellationToken cancellationToken);

    /// <summary>Downloads and imports the ECB file at the configured <c>Payments:Fx:EcbUrl</c>.</summary>
    Task<RateImportResult> ImportEcbFromConfiguredUrlAsync(string actor, CancellationToken cancellationToken);

    /// <summary>Sets (or replaces) the operator's rate for one currency and day.</summary>
    Task<ExchangeRateDto> SetOverrideAsync(NewRateOverride rateOverride, string actor, CancellationToken cancellationToken);
}

/// <summary>
/// Converts money at the rate the tax rules require and records each conversion. Any module may call it; the
/// record is saved with the caller's pending changes in the current unit of work.
/// </summary>
public interface ICurrencyConverter
{
    /// <summary>
    /// Converts <paramref name="amount"/> into <paramref name="target"/> at the rate in force on <paramref name="day"/>
    /// (the operator's override, else the ECB rate of that day, else of the latest ECB publication before it — never a
    /// later one), through EUR at full precision, rounding once to <paramref name="target"/>'s minor unit.
    /// Refuses with <c>fx-rate-unavailable</c> when no rate on or before the date exists.
    /// </summary>
    Task<CurrencyConversionDto> ConvertAsync(Money amount, Currency target, DateOnly day, MidpointRounding rounding, string purpose, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ConvertAsync"/> for a caller converting many amounts in its own transaction (a billing run's batch):
    /// the record joins the caller's unit of work and is stored by its next save, and each currency's rate is read once
    /// per day and scope.
    /// </summary>
    Task<CurrencyConversionDto> ConvertWithoutSavingAsync(Money amount, Currency target, DateOnly day, MidpointRounding rounding, string purpose, CancellationToken cancellationToken);
}

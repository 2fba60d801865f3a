using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.ExchangeRates;

/// <summary>
/// How many units of <see cref="Currency"/> one euro buys on a day, and the stored rate that says so. EUR itself is
/// the exact rate 1 with no stored row. Every conversion is computed from two of these (through EUR, as the ECB
/// publishes only EUR-based reference rates), so a cross rate needs no stored row of its own.
/// </summary>
internal sealed record EuroRate(Currency Currency, decimal PerEuro, string Source, DateOnly AsOf, ExchangeRate? Row)
{
    public static EuroRate Euro(DateOnly date) => new(Currency.EUR, 1m, RateSources.Ecb, date, null);

    public static EuroRate From(ExchangeRate row) => new(Currency.FromCode(row.Quote), row.Rate, row.Source, row.AsOf, row);

    /// <summary>
    /// The rate in force on <paramref name="date"/> among one currency's stored EUR rates: the latest day on or before
    /// <paramref name="date"/> (the ECB publishes on TARGET business days only, and the tax rules take the previous
    /// publication day's rate, never a later one), and on that day the operator's override over the ECB rate.
    /// </summary>
    public static ExchangeRate? Select(IEnumerable<ExchangeRate> candidates, DateOnly date) =>
        candidates
            .Where(r => r.AsOf <= date)
            .OrderByDescending(r => r.AsOf)
            .ThenBy(r => string.Equals(r.Source, RateSources.Operator, StringComparison.Ordinal) ? 0 : 1)
            .FirstOrDefault();

    /// <summary>1 unit of <paramref name="from"/> = this many units of <paramref name="to"/>, unrounded (28 significant digits).</summary>
    public static decimal Cross(EuroRate from, EuroRate to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return to.PerEuro / from.PerEuro;
    }

    /// <summary>
    /// Converts <paramref name="amount"/> (in <paramref name="from"/>'s currency) to <paramref name="to"/>'s currency:
    /// amount × (to per EUR) ÷ (from per EUR), in <see cref="decimal"/>, rounded once to the target's minor unit.
    /// Multiplying before dividing keeps the only inexact step (the division) last, so A → EUR is exactly
    /// amount ÷ rate and EUR → A exactly amount × rate before the one rounding.
    /// </summary>
    public static Money Convert(Money amount, EuroRate from, EuroRate to, MidpointRounding rounding)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (amount.Currency != from.Currency)
        {
            throw new ArgumentException($"The amount is in {amount.Currency}, the source rate is for {from.Currency}.", nameof(amount));
        }

        return Money.FromMajor(amount.Amount * to.PerEuro / from.PerEuro, to.Currency, rounding);
    }

    /// <summary>The source of a rate made of two legs: <c>ECB</c>, <c>operator</c> or <c>ECB+operator</c>.</summary>
    public static string CombinedSource(EuroRate from, EuroRate to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Row is null)
        {
            return to.Source;
        }

        if (to.Row is null || string.Equals(from.Source, to.Source, StringComparison.Ordinal))
        {
            return from.Source;
        }

        return $"{RateSources.Ecb}+{RateSources.Operator}";
    }

    /// <summary>The publication day of a two-leg rate: the older leg's (EUR's own "leg" has no day of its own).</summary>
    public static DateOnly CombinedAsOf(EuroRate from, EuroRate to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return (from.Row, to.Row) switch
        {
            (null, _) => to.AsOf,
            (_, null) => from.AsOf,
            _ => from.AsOf < to.AsOf ? from.AsOf : to.AsOf,
        };
    }
}

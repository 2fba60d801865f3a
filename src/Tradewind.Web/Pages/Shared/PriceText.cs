using System.Globalization;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Web.Pages.Shared;

/// <summary>
/// Pricing-table text in the current culture. Amounts use <see cref="Money.Format"/>'s symbol and pattern; unit prices
/// keep every decimal they have (a sub-cent price such as 0.0125 is shown exactly, never rounded to a cent).
/// </summary>
internal static class PriceText
{
    /// <summary>A whole amount (a contract price) from its wire decimal string.</summary>
    public static string Amount(string amount, CultureInfo culture) => Amount(amount, Currency.USD, culture);

    /// <summary>A whole amount in <paramref name="currency"/> (an offer's contract price or installment).</summary>
    public static string Amount(string amount, Currency currency, CultureInfo culture) =>
        Money.TryParse(amount, currency, out var money) ? money.Format(culture) : amount;

    /// <summary>A unit price with all its decimals: "$0.0125".</summary>
    public static string Unit(string amount, CultureInfo culture) => Unit(amount, Currency.USD, culture);

    /// <summary>A unit price in <paramref name="currency"/> with all its decimals (never fewer than the currency's minor units).</summary>
    public static string Unit(string amount, Currency currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (!UnitPrice.TryParse(amount, currency, out var price))
        {
            return amount;
        }

        var text = price.ToAmountString();
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        var minor = currency.MinorUnits;
        var zero = Money.Zero(currency).Format(culture);
        var zeroNumber = 0m.ToString("N" + minor.ToString(CultureInfo.InvariantCulture), culture);
        var number = price.Amount.ToString("N" + Math.Max(minor, decimals).ToString(CultureInfo.InvariantCulture), culture);
        return zero.Replace(zeroNumber, number, StringComparison.Ordinal);
    }

    public static string Quantity(decimal value, CultureInfo culture) => value.ToString("#,0.############", culture);

    /// <summary>"0–1,000" or "over 10,000" for a tier row.</summary>
    public static string Range(IStringLocalizer localizer, PriceTableRow row, CultureInfo culture) => row.UpTo is { } upTo
        ? $"{Quantity(row.From, culture)}–{Quantity(upTo, culture)}"
        : localizer["over {0}", Quantity(row.From, culture)];

    /// <summary>What one row charges: "$0.0125 per GB" or "$5.00 per 1,000 GB".</summary>
    public static string Charge(IStringLocalizer localizer, DimensionPriceTable table, PriceTableRow row, CultureInfo culture) =>
        table.Model == PriceModelKind.Package
            ? localizer["{0} per {1} {2}", Amount(row.Price, culture), Quantity(row.Per, culture), table.Unit]
            : localizer["{0} per {1}", Unit(row.Price, culture), table.Unit];

    public static string Term(IStringLocalizer localizer, int months) => months == 1
        ? localizer["1 month"]
        : localizer["{0} months", months.ToString(CultureInfo.CurrentCulture)];
}

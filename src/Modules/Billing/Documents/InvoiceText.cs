using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Documents;

/// <summary>
/// The words and formats of one document language: labels and legends from <c>InvoiceText*.resx</c>, dates,
/// numbers and money in the language's specific culture (<c>ja</c> → <c>ja-JP</c>, <c>de</c> → <c>de-DE</c>).
/// </summary>
/// <remarks>
/// Languages other than English, Spanish, French, Japanese, Korean and German fall back to English. Money is written
/// with the currency's ISO 4217 minor units (JPY without decimals) and a currency symbol or code from
/// <see cref="Symbols"/>, never the generic currency sign <c>¤</c> a neutral culture would print.
/// </remarks>
internal sealed class InvoiceText
{
    private static readonly ResourceManager Resources = new("Tradewind.Billing.Documents.InvoiceText", typeof(InvoiceText).Assembly);

    /// <summary>The supported document languages and the specific culture each formats with.</summary>
    public static readonly FrozenDictionary<string, string> Cultures = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-US",
        ["es"] = "es-ES",
        ["fr"] = "fr-FR",
        ["ja"] = "ja-JP",
        ["ko"] = "ko-KR",
        ["de"] = "de-DE",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Symbols that are unambiguous on an invoice; other currencies print their ISO code.</summary>
    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EUR"] = "€",
        ["GBP"] = "£",
        ["JPY"] = "¥",
        ["INR"] = "₹",
        ["KRW"] = "₩",
        ["USD"] = "US$",
        ["AUD"] = "A$",
        ["CAD"] = "CA$",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public InvoiceText(string? language)
    {
        var primary = (language ?? "en").Split('-', '_')[0];
        Language = Cultures.ContainsKey(primary) ? primary.ToLowerInvariant() : "en";
        UiCulture = CultureInfo.GetCultureInfo(Language);
        Culture = CultureInfo.GetCultureInfo(Cultures[Language]);
    }

    /// <summary>The two-letter language the document is written in (what HTML's <c>lang</c> says).</summary>
    public string Language { get; }

    public CultureInfo Culture { get; }

    private CultureInfo UiCulture { get; }

    public string this[string key] =>
        Resources.GetString(key, UiCulture) ?? throw new InvalidOperationException($"The invoice text '{key}' is missing.");

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    public string FormatDate(DateOnly date) => date.ToString(this["DatePattern"], Culture);

    public string FormatPeriod(DateOnly first, DateOnly last) =>
        first == last ? FormatDate(first) : Format("PeriodRange", FormatDate(first), FormatDate(last));

    public string FormatQuantity(decimal quantity) => quantity.ToString("#,0.##########", Culture);

    /// <summary>A tax rate given as a fraction (0.19) in the language's percent style ("19 %", "19%").</summary>
    public string FormatRate(decimal rate) => Format("PercentPattern", (rate * 100m).ToString("0.###", Culture));

    public string FormatMoney(Money money) => FormatAmount(money.Amount, money.Currency.Code, money.Currency.MinorUnits);

    /// <summary>A unit price, which may be finer than the currency's minor unit; never shows fewer than the minor units.</summary>
    public string FormatUnitPrice(string unitPrice, Currency currency)
    {
        if (!decimal.TryParse(unitPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
        {
            return unitPrice;
        }

        var trimmed = decimal.Parse(price.ToString("0.##########", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var decimals = Math.Max(currency.MinorUnits, trimmed.Scale);
        return FormatAmount(trimmed, currency.Code, decimals);
    }

    private string FormatAmount(decimal amount, string currencyCode, int decimals)
    {
        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.TryGetValue(currencyCode, out var symbol) ? symbol : currencyCode;
        format.CurrencyDecimalDigits = decimals;
        return amount.ToString("C", format);
    }

    /// <summary>The wording of a mandatory statement (<see cref="InvoiceLegends"/>), or the code itself when it is unknown.</summary>
    public string Legend(string code, InvoiceDto invoice)
    {
        var text = Resources.GetString("Legend_" + code, UiCulture);
        if (text is null)
        {
            return code;
        }

        return code switch
        {
            InvoiceLegends.CurrencyConverted when invoice.Conversion is { } c =>
                string.Format(Culture, text, c.FromCurrency, c.ToCurrency, c.Rate.ToString("0.######", Culture), FormatDate(c.RateDate), c.Source),
            InvoiceLegends.CorrectsInvoice => string.Format(Culture, text, invoice.CorrectsInvoiceNumber ?? invoice.CorrectsInvoiceId?.ToString() ?? string.Empty),
            _ => text,
        };
    }
}

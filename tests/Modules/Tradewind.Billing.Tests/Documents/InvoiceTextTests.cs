using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Tradewind.Billing.Documents;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Tests.Documents;

public sealed partial class InvoiceTextTests
{
    public static TheoryData<string> Languages() => new("es", "fr", "ja", "ko", "de");

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_label_and_legend_is_translated_with_the_same_placeholders(string language)
    {
        var manager = new ResourceManager("Tradewind.Billing.Documents.InvoiceText", typeof(InvoiceText).Assembly);
        var english = Entries(manager, CultureInfo.InvariantCulture);
        var translated = Entries(manager, CultureInfo.GetCultureInfo(language));

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in english)
        {
            Assert.Equal(Placeholders(text), Placeholders(translated[key]));
            // Codes and patterns stay; Spanish invoices print "Total" too.
            var same = key is "PercentPattern" or "PeriodRange" or "IdentifierPattern" or "Gstin" or "Abn" or "Bic" or "Sac" or "TaxType_GST"
                || (language, key) is ("es", "Total");
            if (!same)
            {
                Assert.False(string.Equals(text, translated[key], StringComparison.Ordinal), $"'{key}' is not translated into {language}.");
            }
        }
    }

    [Theory]
    [InlineData("ja", "JPY", 4522, "¥4,522")]
    [InlineData("ko", "KRW", 195000, "₩195,000")]
    [InlineData("en", "USD", 13751, "US$137.51")]
    [InlineData("en", "INR", 1157000, "₹11,570.00")]
    [InlineData("de", "EUR", 10973, "109,73 €")]
    [InlineData("fr", "EUR", 128180, "1 281,80 €")]
    [InlineData("es", "EUR", 278315, "2.783,15 €")]
    [InlineData("de", "CHF", 100, "1,00 CHF")]
    public void Money_is_formatted_in_the_language_s_culture_with_the_currency_s_minor_units(string language, string currency, long minorUnits, string expected)
    {
        var text = new InvoiceText(language);

        var formatted = text.FormatMoney(Money.FromMinor(minorUnits, Currency.FromCode(currency)));

        Assert.Equal(expected, Spaces().Replace(formatted, " "));
        Assert.DoesNotContain("¤", formatted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "2026年11月1日")]
    [InlineData("ko", "2026년 11월 1일")]
    [InlineData("de", "1. November 2026")]
    [InlineData("fr", "1 novembre 2026")]
    [InlineData("es", "1 de noviembre de 2026")]
    [InlineData("en", "November 1, 2026")]
    public void Dates_are_written_the_way_each_language_writes_them_on_invoices(string language, string expected)
    {
        Assert.Equal(expected, new InvoiceText(language).FormatDate(new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void A_sub_cent_unit_price_keeps_its_digits_and_never_shows_fewer_than_the_minor_units()
    {
        var text = new InvoiceText("en");

        Assert.Equal("US$0.00035", text.FormatUnitPrice("0.00035", Currency.USD));
        Assert.Equal("US$49.00", text.FormatUnitPrice("49", Currency.USD));
        Assert.Equal("¥0.35", new InvoiceText("ja").FormatUnitPrice("0.35", Currency.JPY));
    }

    [Theory]
    [InlineData("ja-JP", "ja")]
    [InlineData("de_AT", "de")]
    [InlineData("pt", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void The_document_language_is_the_primary_language_or_English(string? language, string expected)
    {
        Assert.Equal(expected, new InvoiceText(language).Language);
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        using var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex("\\{\\d+\\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("[\\u00A0\\u202F]")]
    private static partial Regex Spaces();
}

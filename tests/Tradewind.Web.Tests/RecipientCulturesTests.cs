using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Primitives.Money;
using Tradewind.Web.Cultures;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

/// <summary>Server-written text (notifications, invoices) in the recipient's language, whoever triggered it.</summary>
public sealed class RecipientCulturesTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_s_saved_language_and_organisation_country_decide_the_text_and_the_formats()
    {
        var person = await app.CreatePersonAsync(app.SellerA, "recipient-fr@example.com", "fr");

        var (text, price, culture) = await app.WithScopeAsync(async services =>
        {
            var recipients = services.GetRequiredService<RecipientCultures>();
            var recipient = await recipients.ForUserAsync(person.Id, _ct);
            var months = recipients.Text(recipient, "{0} months", 12);
            var amount = RecipientCultures.Render(recipient, () => Money.FromMinor(123456, Currency.EUR).Format(CultureInfo.CurrentCulture));
            return (months, amount, recipient);
        });

        Assert.Equal("12 mois", text);
        Assert.Equal("fr", culture.Language.Name);
        // French in Germany has no ICU culture of its own, so French formats apply (fr-FR), never a neutral '¤'.
        Assert.Equal("fr-FR", culture.Formatting.Name);
        Assert.Equal("1\u202f234,56 €", price);
    }

    [Fact]
    public async Task A_person_who_follows_their_browser_gets_the_default_language_formatted_for_their_country()
    {
        var person = await app.CreatePersonAsync(app.SellerB, "recipient-gb@example.com", null);

        var recipient = await app.WithScopeAsync(services => services.GetRequiredService<RecipientCultures>().ForUserAsync(person.Id, _ct));

        Assert.Equal(("en", "en-GB"), (recipient.Language.Name, recipient.Formatting.Name));
    }

    [Fact]
    public void Rendering_for_a_recipient_leaves_the_caller_s_cultures_as_they_were()
    {
        var before = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var recipient = new RecipientCulture(CultureInfo.GetCultureInfo("ja"), CultureInfo.GetCultureInfo("ja-JP"));

        var yen = RecipientCultures.Render(recipient, () => Money.FromMinor(1235, Currency.JPY).Format(CultureInfo.CurrentCulture));

        Assert.Equal("￥1,235", yen);
        Assert.Equal(before, (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture));
    }
}

/// <summary>The formatting culture chosen for a language and a country, and money in it with ISO 4217 decimals.</summary>
public sealed class CultureChoiceTests
{
    [Theory]
    [InlineData("en", null, "en-US")]
    [InlineData("en", "GB", "en-GB")]
    [InlineData("es", null, "es-ES")]
    [InlineData("es", "MX", "es-MX")]
    [InlineData("fr", null, "fr-FR")]
    [InlineData("fr", "CA", "fr-CA")]
    [InlineData("fr", "JP", "fr-FR")]
    [InlineData("ja", null, "ja-JP")]
    [InlineData("ko", null, "ko-KR")]
    [InlineData("de", "AT", "de-AT")]
    [InlineData("de", "x1", "de-DE")]
    public void The_formatting_culture_is_specific_and_regional_where_ICU_knows_the_pair(string language, string? country, string expected)
    {
        var culture = CultureChoice.FormattingCulture(language, country);

        Assert.Equal(expected, culture.Name);
        Assert.False(culture.IsNeutralCulture);
        Assert.NotEqual("¤", culture.NumberFormat.CurrencySymbol);
    }

    [Theory]
    // Exact code points (.NET 10, ICU 72): U+202F groups French thousands; .NET's "n $" pattern puts a plain space
    // before the symbol.
    [InlineData("ja-JP", "JPY", 1234, "￥1,234")]
    [InlineData("ja-JP", "USD", 123456, "$1,234.56")]
    [InlineData("fr-FR", "EUR", 123456, "1\u202f234,56 €")]
    [InlineData("es-ES", "EUR", 123456, "1.234,56 €")]
    [InlineData("de-DE", "EUR", 123456, "1.234,56 €")]
    [InlineData("de-DE", "JPY", 1235, "1.235 ¥")]
    [InlineData("ko-KR", "KRW", 1235, "₩1,235")]
    [InlineData("en-US", "KWD", 1234567, "KWD1,234.567")]
    public void Money_has_the_currency_s_minor_units_in_the_culture_s_pattern(string culture, string currency, long minor, string expected)
    {
        var formatted = Money.FromMinor(minor, Currency.FromCode(currency)).Format(CultureChoice.FormattingCulture(culture[..2], culture[3..]));

        Assert.Equal(expected, formatted);
    }
}

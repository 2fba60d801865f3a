using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tradewind.Primitives.Money;
using Tradewind.Web.Cultures;
using Tradewind.Web.Notifications;

namespace Tradewind.Web.Tests;

/// <summary>Notification texts in the reader's language, with dates and money in the reader's formats.</summary>
public sealed class NotificationTextsTests
{
    private static readonly NotificationTexts Texts = new(new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)));

    private static NotificationReader Reader(string language, string formatting, string timeZone) =>
        NotificationReader.For(new RecipientCulture(CultureInfo.GetCultureInfo(language), CultureInfo.GetCultureInfo(formatting)), timeZone);

    [Fact]
    public void A_Japanese_buyer_reads_an_invoice_notice_in_Japanese_with_a_ja_JP_date_and_yen_without_decimals()
    {
        var text = Texts.InvoiceIssued(
            Reader("ja", "ja-JP", "Asia/Tokyo"), "TW-JP-2026-000123", new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero),
            Money.FromMinor(12_000, Currency.JPY), Money.FromMinor(1_200, Currency.JPY), Money.FromMinor(13_200, Currency.JPY), reverseCharge: false);

        Assert.Equal("請求書 TW-JP-2026-000123 を発行しました", text.Subject);
        // 20:00 UTC on 30 November is already 1 December in Tokyo.
        Assert.Equal("請求書 TW-JP-2026-000123（2026/12/01 付）を発行しました。合計は ￥13,200（税抜 ￥12,000、税額 ￥1,200）です。アカウントで表示・ダウンロードいただけます。", text.Body);
    }

    [Fact]
    public void A_German_business_buyer_s_reverse_charge_invoice_notice_is_in_German_with_euro_amounts()
    {
        var text = Texts.InvoiceIssued(
            Reader("de", "de-DE", "Europe/Berlin"), "TW-IE-2026-000051", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
            Money.FromMinor(123_456, Currency.EUR), Money.FromMinor(0, Currency.EUR), Money.FromMinor(123_456, Currency.EUR), reverseCharge: true);

        Assert.Equal("Rechnung TW-IE-2026-000051 ausgestellt", text.Subject);
        Assert.StartsWith("Die Rechnung TW-IE-2026-000051 vom 01.12.2026 wurde über insgesamt 1.234,56 € ausgestellt (netto 1.234,56 €, Steuer 0,00 €).", text.Body, StringComparison.Ordinal);
        Assert.EndsWith("\n\nEs wurde keine Umsatzsteuer berechnet: Als Unternehmen schulden Sie die Steuer selbst (Steuerschuldnerschaft des Leistungsempfängers).", text.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "en-US", "Your free trial of Alpha Logs ends in 3 days", "Your free trial of Alpha Logs ends on 12/4/2026.")]
    [InlineData("es", "es-ES", "Su prueba gratuita de Alpha Logs termina dentro de 3 días", "Su prueba gratuita de Alpha Logs termina el 4/12/2026.")]
    [InlineData("fr", "fr-FR", "Votre essai gratuit de Alpha Logs se termine dans 3\u00a0jours", "Votre essai gratuit de Alpha Logs se termine le 04/12/2026.")]
    [InlineData("ja", "ja-JP", "Alpha Logs の無料トライアルは残り 3 日で終了します", "Alpha Logs の無料トライアルは 2026/12/04 に終了します。")]
    [InlineData("ko", "ko-KR", "Alpha Logs 무료 평가판이 3일 후에 종료됩니다", "Alpha Logs 무료 평가판이 2026. 12. 4.에 종료됩니다.")]
    [InlineData("de", "de-DE", "Ihre kostenlose Testphase für Alpha Logs endet in 3 Tagen", "Ihre kostenlose Testphase für Alpha Logs endet am 04.12.2026.")]
    public void A_trial_reminder_names_the_days_left_and_the_end_date_in_each_language(string language, string formatting, string subject, string bodyStart)
    {
        var text = Texts.TrialEnding(Reader(language, formatting, "UTC"), "Alpha Logs", 3, new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(subject, text.Subject);
        Assert.StartsWith(bodyStart, text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_leaves_the_caller_s_cultures_as_they_were()
    {
        var before = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

        Texts.InvoicePaid(Reader("ko", "ko-KR", "Asia/Seoul"), "TW-KR-1", Money.FromMinor(50_000, Currency.FromCode("KRW")), new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(before, (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture));
    }

    [Fact]
    public void The_HTML_part_encodes_the_text_and_links_only_the_notification_s_address()
    {
        var html = NotificationMail.Html("de", "Rechnung <1>", "Guten Tag <b>Eva</b>,\n\nIn Ihrem Konto ansehen: https://shop.example/account/invoices/1?a=1&b=2", "https://shop.example/account/invoices/1?a=1&b=2");

        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Rechnung &lt;1&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Guten Tag &lt;b&gt;Eva&lt;/b&gt;,</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://shop.example/account/invoices/1?a=1&amp;b=2\">https://shop.example/account/invoices/1?a=1&amp;b=2</a>", html, StringComparison.Ordinal);
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Cultures;

/// <summary>The language a recipient reads and the specific culture their numbers, money and dates are formatted in.</summary>
internal sealed record RecipientCulture(CultureInfo Language, CultureInfo Formatting);

/// <summary>
/// Text the server writes outside a request — notifications, invoices, e-mails — in the recipient's language rather
/// than the language of whoever triggered it. The language is the person's saved one when the UI offers it, else the
/// default UI language; formatting follows that language and their organisation's country (ja in JP → ja-JP).
/// </summary>
internal sealed class RecipientCultures(
    IAccountsQueries accounts,
    IOptions<RequestLocalizationOptions> options,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<RecipientCulture> ForUserAsync(UserId userId, CancellationToken cancellationToken)
    {
        var locale = await accounts.FindUserLocaleAsync(userId, cancellationToken);
        return For(locale?.PreferredLanguage, locale?.CountryCode);
    }

    /// <summary>The culture for a reader of <paramref name="language"/> in <paramref name="countryCode"/>, both optional.</summary>
    public RecipientCulture For(string? language, string? countryCode)
    {
        var supported = CultureChoice.Supported(options.Value.SupportedUICultures, language)
            ?? options.Value.DefaultRequestCulture.UICulture.Name;
        return new RecipientCulture(CultureInfo.GetCultureInfo(supported), CultureChoice.FormattingCulture(supported, countryCode));
    }

    /// <summary>One UI string (a key of SharedResource.resx) in the recipient's language, its arguments in their formats.</summary>
    public string Text(RecipientCulture recipient, string key, params object[] arguments) =>
        Render(recipient, () => localizer[key, arguments].Value);

    /// <summary>
    /// Runs <paramref name="render"/> with the recipient's language and formatting as the current cultures — so
    /// localizers, <c>Money.Format(CultureInfo.CurrentCulture)</c> and Razor templates all follow the recipient —
    /// and restores the caller's cultures afterwards.
    /// </summary>
    public static T Render<T>(RecipientCulture recipient, Func<T> render)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(render);
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = recipient.Language;
        CultureInfo.CurrentCulture = recipient.Formatting;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formatting;
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Tradewind.Primitives.Money;
using Tradewind.Web.Cultures;

namespace Tradewind.Web.Notifications;

/// <summary>A notification's subject line and plain-text body (paragraphs separated by blank lines).</summary>
internal sealed record NotificationText(string Subject, string Body);

/// <summary>
/// Writes each notification in one reader's language: texts are SharedResource keys, dates are the reader's calendar
/// day in the buyer's time zone in the short pattern of their formatting culture (ja-JP 2026/12/11, de-DE 11.12.2026),
/// and money has its currency's ISO 4217 decimals in that culture's pattern (￥1,235; 1.234,56 €).
/// </summary>
internal sealed class NotificationTexts(IStringLocalizer<SharedResource> localizer)
{
    public NotificationText SubscriptionStarted(NotificationReader reader, string product, string plan) =>
        Write(reader, () => new(T("Welcome to {0}", product), T("Your subscription to {0} on the {1} plan has started. You can see its details in your account.", product, plan)));

    public NotificationText TrialStarted(NotificationReader reader, string product, string plan, DateTimeOffset trialEndsAt) =>
        Write(reader, () => new(
            T("Your free trial of {0} has started", product),
            T("Your free trial of {0} on the {1} plan has started and runs until {2}. Unless you cancel before then, the subscription continues on the paid plan.", product, plan, Date(reader, trialEndsAt))));

    public NotificationText TrialEnding(NotificationReader reader, string product, int daysLeft, DateTimeOffset trialEndsAt) =>
        Write(reader, () => new(
            daysLeft <= 1 ? T("Your free trial of {0} ends tomorrow", product) : T("Your free trial of {0} ends in {1} days", product, daysLeft),
            T("Your free trial of {0} ends on {1}. After that, the subscription continues on the paid plan. If you do not want to continue, cancel it in your account before then.", product, Date(reader, trialEndsAt))));

    public NotificationText TrialConverted(NotificationReader reader, string product) =>
        Write(reader, () => new(
            T("Your subscription to {0} is now active", product),
            T("Your free trial of {0} has ended and your paid subscription has started. Charges appear on your next invoice.", product)));

    public NotificationText CancellationScheduled(NotificationReader reader, string product, DateTimeOffset effectiveAt) =>
        Write(reader, () => new(
            T("Cancellation of {0} confirmed", product),
            T("You have cancelled your subscription to {0}. You can keep using it until {1}, when it ends.", product, Date(reader, effectiveAt))));

    public NotificationText Cancelled(NotificationReader reader, string product, DateTimeOffset endedAt) =>
        Write(reader, () => new(
            T("Your subscription to {0} has ended", product),
            T("Your subscription to {0} ended on {1}. You can subscribe again at any time from the catalog.", product, Date(reader, endedAt))));

    public NotificationText Suspended(NotificationReader reader, string product, DateTimeOffset at, string reason) =>
        Write(reader, () => new(
            T("Your subscription to {0} has been suspended", product),
            T("Your subscription to {0} was suspended on {1}. Reason: {2}. If you have questions, open a support ticket from your account.", product, Date(reader, at), reason.TrimEnd('.'))));

    public NotificationText Reinstated(NotificationReader reader, string product, DateTimeOffset at, string reason) =>
        Write(reader, () => new(
            T("Your subscription to {0} is active again", product),
            T("Your subscription to {0} was reinstated on {1} and can be used again. Reason: {2}.", product, Date(reader, at), reason.TrimEnd('.'))));

    /// <summary>An invoice; <paramref name="reverseCharge"/>: no tax was charged because the business buyer self-accounts for it (EU VAT Directive art. 196 and its equivalents).</summary>
    public NotificationText InvoiceIssued(NotificationReader reader, string number, DateTimeOffset issuedAt, Money subtotal, Money tax, Money total, bool reverseCharge) =>
        Write(reader, () =>
        {
            var body = T("Invoice {0} dated {1} has been issued for a total of {2} (net {3}, tax {4}). You can view and download it in your account.", number, Date(reader, issuedAt), Amount(reader, total), Amount(reader, subtotal), Amount(reader, tax));
            if (reverseCharge)
            {
                body += "\n\n" + T("No VAT has been charged: as a business customer you account for it yourself (reverse charge).");
            }

            return new(T("Invoice {0} issued", number), body);
        });

    public NotificationText CreditNoteIssued(NotificationReader reader, string number, DateTimeOffset issuedAt, Money total) =>
        Write(reader, () => new(
            T("Credit note {0} issued", number),
            T("Credit note {0} dated {1} has been issued for {2}. It corrects an earlier invoice; you can view and download it in your account.", number, Date(reader, issuedAt), Amount(reader, total))));

    public NotificationText InvoicePaid(NotificationReader reader, string number, Money total, DateTimeOffset paidAt) =>
        Write(reader, () => new(
            T("Payment received for invoice {0}", number),
            T("Thank you: we have received your payment of {0} for invoice {1} on {2}.", Amount(reader, total), number, Date(reader, paidAt))));

    /// <summary>The SEPA pre-notification: amount, collection date, mandate and creditor identifier, before the debit.</summary>
    public NotificationText DirectDebitScheduled(NotificationReader reader, string number, Money amount, DateOnly dueDate, string mandateReference, string creditorId, string iban) =>
        Write(reader, () => new(
            T("Direct debit of {0} on {1} for invoice {2}", Amount(reader, amount), dueDate.ToString("d", reader.Culture.Formatting), number),
            T("We will collect {0} for invoice {1} from account {2} by SEPA direct debit on or shortly after {3}, under mandate {4} (creditor identifier {5}). Make sure the account is funded; you can revoke the mandate in your account before then.", Amount(reader, amount), number, iban, dueDate.ToString("d", reader.Culture.Formatting), mandateReference, creditorId)));

    /// <summary>The e-mail around a notification: greeting, the notification, the link to it and why it was sent.</summary>
    public string EmailBody(NotificationReader reader, string displayName, string body, string? link, string organisationName, string notificationsUrl) =>
        RecipientCultures.Render(reader.Culture, () =>
        {
            var parts = new List<string> { T("Hello {0},", displayName), body };
            if (link is not null)
            {
                parts.Add($"{T("View in your account")}: {link}");
            }

            parts.Add(T("You receive this e-mail as a user of {0} on Tradewind. All your notifications are in your account at {1}.", organisationName, notificationsUrl));
            return string.Join("\n\n", parts);
        });

    /// <summary>The reader's calendar day of <paramref name="instant"/>: a trial ending at 23:30 UTC ends the next day in Tokyo.</summary>
    internal static string Date(NotificationReader reader, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, reader.TimeZone).ToString("d", reader.Culture.Formatting);

    private static string Amount(NotificationReader reader, Money money) => money.Format(reader.Culture.Formatting);

    private NotificationText Write(NotificationReader reader, Func<NotificationText> write) => RecipientCultures.Render(reader.Culture, write);

    private string T(string key, params object[] arguments) => localizer[key, arguments].Value;
}

/// <summary>Who reads a notification: their language and formatting culture, and the time zone their dates are in.</summary>
internal sealed record NotificationReader(RecipientCulture Culture, TimeZoneInfo TimeZone)
{
    public string Language => Culture.Language.TwoLetterISOLanguageName;

    /// <summary>The buyer profile's IANA time zone, or UTC when it has none or the machine does not know it.</summary>
    public static TimeZoneInfo TimeZoneOf(string? id) =>
        id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static NotificationReader For(RecipientCulture culture, string? timeZone) => new(culture, TimeZoneOf(timeZone));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Culture.Language.Name}/{Culture.Formatting.Name}/{TimeZone.Id}");
}

using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Cultures;

namespace Tradewind.Web.Notifications;

/// <summary>
/// Records one notification for a buyer organisation: the inbox copy in the organisation's language and one e-mail
/// per person in theirs. The language is the buyer profile's; without one, each person's saved UI language (the inbox
/// uses it when everyone agrees), else English. Dates are in the profile's time zone (UTC without one).
/// </summary>
internal sealed class BuyerNotifier(
    IAccountsQueries accounts,
    IBuyerNotifications notifications,
    RecipientCultures cultures,
    NotificationTexts texts,
    IOptions<NotificationOptions> options)
{
    public NotificationTexts Texts => texts;

    /// <summary>Returns false when the organisation is not a buyer or the event was already notified.</summary>
    public async Task<bool> NotifyAsync(
        OrganisationId buyerId,
        string sourceKey,
        NotificationKind kind,
        string? link,
        DateTimeOffset occurredAt,
        Func<NotificationReader, NotificationText> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (await accounts.FindOrganisationAsync(buyerId, cancellationToken) is not { Kind: OrganisationKind.Buyer } organisation)
        {
            return false;
        }

        var profile = await accounts.FindBuyerProfileAsync(buyerId, cancellationToken);
        var profileLanguage = profile?.Language is { Length: > 0 } l ? l : null;
        var users = await accounts.ListUsersAsync(buyerId, cancellationToken);
        var preferences = new List<string?>();
        foreach (var user in users)
        {
            preferences.Add(profileLanguage ?? (await accounts.FindUserLocaleAsync(user.Id, cancellationToken))?.PreferredLanguage);
        }

        var inboxLanguage = profileLanguage ?? (preferences.Distinct(StringComparer.Ordinal).Count() == 1 ? preferences[0] : null);
        var inboxReader = NotificationReader.For(cultures.For(inboxLanguage, organisation.CountryCode), profile?.TimeZone);
        var inbox = write(inboxReader);

        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var absoluteLink = link is null ? null : baseUrl + link;
        var emails = new List<NotificationEmailText>(users.Count);
        for (var i = 0; i < users.Count; i++)
        {
            var reader = NotificationReader.For(cultures.For(preferences[i], organisation.CountryCode), profile?.TimeZone);
            var text = reader.Culture.Language.Name == inboxReader.Culture.Language.Name ? inbox : write(reader);
            var body = texts.EmailBody(reader, users[i].DisplayName, text.Body, absoluteLink, organisation.Name, baseUrl + "/account/notifications");
            emails.Add(new NotificationEmailText(users[i].Email, reader.Language, text.Subject, body));
        }

        return await notifications.RecordAsync(
            new NewNotification(buyerId, sourceKey, kind, inboxReader.Language, inbox.Subject, inbox.Body, link, occurredAt, emails),
            cancellationToken);
    }
}

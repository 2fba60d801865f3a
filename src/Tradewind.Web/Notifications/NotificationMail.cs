using System.Net;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;

namespace Tradewind.Web.Notifications;

/// <summary>
/// Builds a notification e-mail (plain text and HTML alternatives, the HTML with the reader's <c>lang</c> and every
/// text HTML-encoded) and hands it to SMTP — or, when no SMTP host is configured, writes it as an <c>.eml</c> file to
/// the pickup directory, so nothing is dropped in development and demos.
/// </summary>
internal sealed class NotificationMail(IOptions<NotificationOptions> options, DatabaseSettings database)
{
    public string PickupDirectory => Path.GetFullPath(options.Value.PickupDirectory, database.DataDirectory);

    public MimeMessage Build(NotificationEmailDto email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = $"{email.Id}@tradewind";
        var link = email.Link is null ? null : options.Value.PublicBaseUrl.TrimEnd('/') + email.Link;
        message.Body = new BodyBuilder { TextBody = email.Body, HtmlBody = Html(email.Language, email.Subject, email.Body, link) }.ToMessageBody();
        // RFC 3282; MimeKit keeps Content-* headers on the body entity.
        message.Body.Headers.Add(HeaderId.ContentLanguage, email.Language);
        return message;
    }

    /// <summary>Sends through SMTP, or writes to the pickup directory; throws when the message could not be handed over.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            Directory.CreateDirectory(PickupDirectory);
            var name = (message.MessageId ?? Guid.NewGuid().ToString()).Split('@')[0];
            var partial = Path.Combine(PickupDirectory, name + ".eml.tmp");
            await message.WriteToAsync(partial, cancellationToken);
            // Readers of the directory never see a half-written file.
            File.Move(partial, Path.Combine(PickupDirectory, name + ".eml"), overwrite: true);
            return;
        }

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The plain-text body as HTML: each paragraph encoded, the notification's link made clickable.</summary>
    internal static string Html(string language, string subject, string body, string? link)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(WebUtility.HtmlEncode(language)).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; color: #1f2933;\">\n");
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var encoded = WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal);
            if (link is not null)
            {
                var encodedLink = WebUtility.HtmlEncode(link);
                encoded = encoded.Replace(encodedLink, $"<a href=\"{encodedLink}\">{encodedLink}</a>", StringComparison.Ordinal);
            }

            html.Append("<p>").Append(encoded).Append("</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }
}

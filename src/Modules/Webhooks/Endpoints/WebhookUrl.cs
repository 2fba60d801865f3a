using System.Net;

namespace Tradewind.Webhooks.Endpoints;

/// <summary>
/// The rules an endpoint URL must meet: absolute, <c>https</c> (or <c>http</c> to a loopback host when
/// <see cref="WebhookOptions.AllowLoopbackHttp"/> is on), no user name or password, no fragment, at most 2,000 characters,
/// and not an address literal outside the public internet unless <see cref="WebhookOptions.AllowPrivateNetworks"/> is on.
/// Host names are resolved only when sending, where the same address rule is applied to every connection.
/// </summary>
internal static class WebhookUrl
{
    public const int MaxLength = 2000;

    /// <summary>The URL's normalized text, or the reason it is refused.</summary>
    public static (Uri? Url, string? Error) Check(string? text, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "Give the https:// URL that receives the notifications.");
        }

        text = text.Trim();
        if (text.Length > MaxLength)
        {
            return (null, $"The URL is longer than {MaxLength} characters.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            return (null, "This is not an absolute URL such as https://example.com/tradewind/webhooks.");
        }

        var loopback = NetworkAddresses.IsLoopbackHost(url.Host);
        if (string.Equals(url.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal))
        {
            if (!(loopback && options.AllowLoopbackHttp))
            {
                return (null, "Webhook URLs must use https://; plain http:// is accepted only for localhost during development.");
            }
        }
        else if (!string.Equals(url.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal))
        {
            return (null, $"Webhook URLs must use https://, not {url.Scheme}://.");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return (null, "Webhook URLs cannot carry a user name or password; requests are authenticated by their signature.");
        }

        if (text.Contains('#', StringComparison.Ordinal))
        {
            return (null, "Webhook URLs cannot have a #fragment; it is never sent to the server.");
        }

        if (loopback && !options.AllowLoopbackHttp && !options.AllowPrivateNetworks)
        {
            return (null, "Webhook URLs must point to a public internet host, not to this machine.");
        }

        if (!loopback && IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && !NetworkAddresses.MayConnect(address, options))
        {
            return (null, "Webhook URLs must point to a public internet address, not a private, link-local or reserved one.");
        }

        return (url, null);
    }
}

using System.Net;
using System.Net.Sockets;
using Tradewind.Webhooks.Endpoints;

namespace Tradewind.Webhooks.Deliveries;

/// <summary>
/// Opens webhook connections only to addresses <see cref="NetworkAddresses.MayConnect"/> allows. The host is resolved
/// here and the checked address is the one connected to, so a DNS answer that changes between the check and the
/// connection (DNS rebinding) cannot reach a private address.
/// </summary>
internal static class PublicAddressConnector
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, WebhookOptions options, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => NetworkAddresses.MayConnect(a, options)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(
                $"{host} resolves only to addresses outside the public internet ({string.Join(", ", addresses.Select(a => a.ToString()))}); webhooks are not sent there.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

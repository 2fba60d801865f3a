using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tradewind.Contracts.Webhooks;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// A seller's webhook receiver on a free loopback port (real Kestrel, real HTTP). Each path is one "seller app":
/// it verifies signatures against the secrets it was given, answers 500 to its first N requests, and records
/// everything it received.
/// </summary>
public sealed class WebhookReceiver(TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Inbox> _inboxes = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/{name}", HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    /// <summary>A new inbox at <c>/hooks/{name}</c>.</summary>
    public Inbox Open(string name, int failFirst = 0)
    {
        var inbox = new Inbox(new Uri(BaseAddress, $"/hooks/{name}"), failFirst);
        _inboxes[name] = inbox;
        return inbox;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(string name, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        if (!_inboxes.TryGetValue(name, out var inbox))
        {
            return Results.NotFound();
        }

        var header = request.Headers[WebhookSignature.SignatureHeader].ToString();
        var verifiedWith = inbox.Secrets.Where(s => WebhookSignature.Verify(s, header, body, clock.GetUtcNow(), WebhookSignature.DefaultTolerance)).ToList();
        var received = new ReceivedWebhook(
            request.Headers[WebhookSignature.IdHeader].ToString(),
            request.Headers[WebhookSignature.TypeHeader].ToString(),
            request.ContentType ?? "",
            header,
            body,
            verifiedWith);
        lock (inbox.Received)
        {
            inbox.Received.Add(received);
        }

        if (verifiedWith.Count == 0)
        {
            return Results.Text("bad signature", statusCode: StatusCodes.Status400BadRequest);
        }

        return Interlocked.Decrement(ref inbox.FailuresLeft) >= 0
            ? Results.Text("temporarily down", statusCode: StatusCodes.Status500InternalServerError)
            : Results.Text("ok");
    }

    public sealed class Inbox(Uri url, int failFirst)
    {
        internal int FailuresLeft = failFirst;

        public Uri Url { get; } = url;

        /// <summary>The secrets this receiver trusts (it verifies against each).</summary>
        public List<string> Secrets { get; } = [];

        public List<ReceivedWebhook> Received { get; } = [];

        public void FailNext(int count) => Interlocked.Exchange(ref FailuresLeft, count);
    }

    public sealed record ReceivedWebhook(string Id, string Type, string ContentType, string Signature, string Body, IReadOnlyList<string> VerifiedWith);
}

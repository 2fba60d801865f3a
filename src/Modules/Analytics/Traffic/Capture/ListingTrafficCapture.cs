using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tradewind.Analytics.Events;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Turns a listing request into a queued <c>listing_view</c> (source, channel, country, bot rules, hash inputs) and
/// hands out its token; confirms views from the beacon, records CTA clicks and attributions. Nothing here waits for
/// the database except <see cref="RecordAttributionAsync"/>, which runs when a subscription is created.
/// </summary>
internal sealed class ListingTrafficCapture(
    CaptureQueue queue,
    ViewToken tokens,
    CountryLookup countries,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<CaptureOptions> options) : IListingTrafficCapture
{
    public bool Enabled => options.Value.Enabled;

    public string? CountryHeaderName => countries.HeaderName;

    public string CaptureView(ListingVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var source = TrafficSource.From(visit.Query, visit.Referrer, visit.SiteHost);
        var botReason = BotRules.Classify(visit.UserAgent, visit.AcceptLanguage, source.ReferrerHost);
        queue.TryEnqueue(new CapturedEvent
        {
            Id = id,
            Name = AnalyticsEventNames.ListingView,
            OccurredAt = now,
            SellerId = visit.SellerId.Value,
            ProductId = visit.ProductId.Value,
            BuyerId = visit.BuyerId?.Value,
            Source = source.Source,
            Medium = source.Medium,
            Campaign = source.Campaign,
            Content = source.Content,
            Term = source.Term,
            ReferrerHost = source.ReferrerHost,
            Channel = source.Channel,
            Country = countries.Find(visit.RemoteIp, visit.CountryHeader),
            Locale = Truncate(visit.Locale, 20),
            TranslationKind = Truncate(visit.TranslationKind, 20),
            IsBot = botReason is not null,
            BotReason = botReason,
            // DNT / Sec-GPC: the view counts, but no hash is made, so it is no visitor-day and escapes the rate limit.
            SiteHost = visit.DoNotTrack ? null : visit.SiteHost.ToLowerInvariant(),
            CoarseIp = visit.DoNotTrack || visit.RemoteIp is null ? null : VisitorHash.Coarsen(visit.RemoteIp),
            UserAgent = visit.DoNotTrack ? null : visit.UserAgent,
        });
        return tokens.Create(id);
    }

    public bool Confirm(string? token, bool webdriver)
    {
        if (tokens.Verify(token, clock.GetUtcNow()) is not { } viewId)
        {
            return false;
        }

        queue.EnqueueConfirmation(viewId, webdriver);
        return true;
    }

    public void RecordCtaClick(string cta, ProductId productId, OrganisationId sellerId, string? token, OrganisationId? buyerId)
    {
        if (!ListingCtas.IsKnown(cta))
        {
            throw new ArgumentOutOfRangeException(nameof(cta), cta, "Not a listing call to action.");
        }

        var now = clock.GetUtcNow();
        queue.TryEnqueue(new CapturedEvent
        {
            Id = Guid.CreateVersion7(now),
            Name = AnalyticsEventNames.CtaClicked,
            OccurredAt = now,
            SellerId = sellerId.Value,
            ProductId = productId.Value,
            BuyerId = buyerId?.Value,
            AttributionViewId = tokens.Verify(token, now),
            Detail = string.Create(CultureInfo.InvariantCulture, $"{{\"cta\":\"{cta}\"}}"),
        });
    }

    public async Task RecordAttributionAsync(AgreementId agreementId, string? token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (tokens.Verify(token, now) is not { } viewId)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradewindDbContext>();
        if (await db.Set<ListingAttribution>().AnyAsync(a => a.AgreementId == agreementId, cancellationToken))
        {
            return;
        }

        db.Add(new ListingAttribution { AgreementId = agreementId, ViewId = viewId, RecordedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Recorded by a concurrent request for the same agreement: the first one stands.
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => queue.FlushAsync(cancellationToken);

    private static string? Truncate(string? value, int length) =>
        value is null ? null : value.Length > length ? value[..length] : value;
}

using System.Text.Json;
using Tradewind.Analytics.Events;
using Tradewind.Analytics.Traffic.Capture;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;

namespace Tradewind.Analytics.History;

/// <inheritdoc />
internal sealed class AnalyticsHistoryImport(TradewindDbContext db, TimeProvider clock) : IAnalyticsHistoryImport
{
    private const int BatchSize = 5_000;

    public async Task<int> ImportVisitsAsync(IReadOnlyList<HistoricalListingVisit> visits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var received = clock.GetUtcNow();
        var written = 0;
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in visits.Chunk(BatchSize))
            {
                foreach (var visit in chunk)
                {
                    var viewId = Guid.CreateVersion7(visit.At);
                    db.Add(new AnalyticsEvent
                    {
                        Id = viewId,
                        Name = AnalyticsEventNames.ListingView,
                        OccurredAt = visit.At,
                        ReceivedAt = received,
                        SellerId = visit.SellerId,
                        ProductId = visit.ProductId,
                        VisitorDayHash = visit.VisitorDayHash,
                        Source = visit.Source,
                        Medium = visit.Medium,
                        Campaign = visit.Campaign,
                        ReferrerHost = visit.ReferrerHost,
                        Channel = visit.Channel,
                        Country = visit.Country,
                        Locale = visit.Locale,
                        TranslationKind = visit.TranslationKind,
                        IsBot = visit.BotReason is not null,
                        BotReason = visit.BotReason,
                        Confirmed = visit.Confirmed && visit.BotReason is null,
                    });
                    written++;
                    if (visit.Cta is { } cta)
                    {
                        var clickedAt = visit.At.AddSeconds(20 + (viewId.GetHashCode() & 0x7f));
                        db.Add(new AnalyticsEvent
                        {
                            Id = Guid.CreateVersion7(clickedAt),
                            Name = AnalyticsEventNames.CtaClicked,
                            OccurredAt = clickedAt,
                            ReceivedAt = received,
                            SellerId = visit.SellerId,
                            ProductId = visit.ProductId,
                            Country = visit.Country,
                            Locale = visit.Locale,
                            TranslationKind = visit.TranslationKind,
                            AttributionViewId = viewId,
                            Detail = JsonSerializer.Serialize(new { cta }),
                        });
                        written++;
                    }

                    if (visit.AttributedAgreementId is { } agreementId)
                    {
                        db.Add(new ListingAttribution { AgreementId = agreementId, ViewId = viewId, RecordedAt = visit.At });
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }

        return written;
    }
}

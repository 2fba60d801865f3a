using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Events;
using Tradewind.Analytics.Lifecycle.Rollups;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Metering;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Lifecycle;

/// <summary>
/// The daily <c>usage_reported</c> events from Metering's totals, and the rebuild of the lifecycle rollups from the event
/// store. Both are idempotent: a usage day re-reported adds nothing (dedupe key), a rebuild deletes and recomputes its days.
/// </summary>
internal sealed class LifecycleAnalytics(
    TradewindDbContext db,
    LifecycleEventWriter writer,
    IUsageQueries usage,
    IAgreementsQueries agreements,
    TimeProvider clock) : ILifecycleAnalytics
{
    private const int Batch = 500;

    /// <summary>The lifecycle names the daily rollup counts (traffic has rollups of its own).</summary>
    internal static readonly string[] RolledUpNames =
    [
        AnalyticsEventNames.TrialStarted, AnalyticsEventNames.Subscribed, AnalyticsEventNames.FirstUsage, AnalyticsEventNames.ConvertedToPaid,
        AnalyticsEventNames.Unsubscribed, AnalyticsEventNames.SupportTicketOpened, AnalyticsEventNames.PrivateOfferSent, AnalyticsEventNames.PrivateOfferViewed,
        AnalyticsEventNames.PrivateOfferAccepted, AnalyticsEventNames.PrivateOfferDeclined, AnalyticsEventNames.PrivateOfferExpired, AnalyticsEventNames.PrivateOfferWithdrawn,
    ];

    public async Task RebuildAsync(AnalyticsRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var start = range.Start;
        var end = range.End;
        var events = await db.Set<AnalyticsEvent>().AsNoTracking()
            .Where(e => e.OccurredAt >= start && e.OccurredAt < end && e.SellerId != null && e.ProductId != null && RolledUpNames.Contains(e.Name))
            .Select(e => new { e.Name, e.OccurredAt, e.SellerId, e.ProductId, e.Country, e.OfferType, e.Currency, e.AmountMinor })
            .ToListAsync(cancellationToken);
        var lifecycle = events
            .GroupBy(e => (Day: Day(e.OccurredAt), e.SellerId!.Value, e.ProductId!.Value, e.Name, Country: e.Country ?? "", OfferType: e.OfferType ?? "", Currency: e.Currency ?? ""))
            .Select(g => new DailyLifecycle
            {
                Day = g.Key.Day,
                SellerId = g.Key.Item2,
                ProductId = g.Key.Item3,
                Name = g.Key.Name,
                Country = g.Key.Country,
                OfferType = g.Key.OfferType,
                Currency = g.Key.Currency,
                Count = g.Count(),
                AmountMinor = g.Sum(e => e.AmountMinor ?? 0),
            })
            .ToList();

        var usageRows = await db.Set<AnalyticsEvent>().AsNoTracking()
            .Where(e => e.Name == AnalyticsEventNames.UsageReported && e.OccurredAt >= start && e.OccurredAt < end && e.SellerId != null && e.ProductId != null && e.Dimension != null)
            .Select(e => new { e.OccurredAt, e.SellerId, e.ProductId, e.BuyerId, e.Dimension, e.Quantity, e.Detail })
            .ToListAsync(cancellationToken);
        var daily = usageRows
            .Select(e => new { Day = Day(e.OccurredAt), Seller = e.SellerId!.Value, Product = e.ProductId!.Value, e.BuyerId, Dimension = e.Dimension!, Quantity = e.Quantity ?? 0m, Pct = QuotaUsedPct(e.Detail) })
            .GroupBy(e => (e.Day, e.Seller, e.Product, e.Dimension))
            .Select(g => new DailyUsage
            {
                Day = g.Key.Day,
                SellerId = g.Key.Seller,
                ProductId = g.Key.Product,
                Dimension = g.Key.Dimension,
                Quantity = g.Sum(e => e.Quantity),
                ActiveBuyers = g.Where(e => e.Quantity > 0).Select(e => e.BuyerId).Distinct().Count(),
                QuotaBuyers = g.Where(e => e.Pct is not null).Select(e => e.BuyerId).Distinct().Count(),
                BuyersOver80Percent = g.Where(e => e.Pct >= 80m).Select(e => e.BuyerId).Distinct().Count(),
                BuyersOver100Percent = g.Where(e => e.Pct >= 100m).Select(e => e.BuyerId).Distinct().Count(),
            })
            .ToList();

        var from = range.From;
        var to = range.To;
        await db.InTransactionAsync(
            async ct =>
            {
                await db.Set<DailyLifecycle>().Where(r => r.Day >= from && r.Day <= to).ExecuteDeleteAsync(ct);
                await db.Set<DailyUsage>().Where(r => r.Day >= from && r.Day <= to).ExecuteDeleteAsync(ct);
                db.Set<DailyLifecycle>().AddRange(lifecycle);
                db.Set<DailyUsage>().AddRange(daily);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return 0;
            },
            cancellationToken);
    }

    public async Task<int> ReportUsageAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var dayEnd = dayStart.AddDays(1);
        var subscriptions = await db.Set<AnalyticsEvent>().AsNoTracking()
            .Where(e => (e.Name == AnalyticsEventNames.TrialStarted || e.Name == AnalyticsEventNames.Subscribed) && e.OccurredAt < dayEnd && e.AgreementId != null)
            .Select(e => new { AgreementId = e.AgreementId!.Value, e.SellerId, e.ProductId, e.BuyerId, e.Country })
            .ToListAsync(cancellationToken);
        var ended = (await db.Set<AnalyticsEvent>().AsNoTracking()
            .Where(e => e.Name == AnalyticsEventNames.Unsubscribed && e.OccurredAt < dayStart && e.AgreementId != null)
            .Select(e => e.AgreementId!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();
        var live = subscriptions.Where(s => !ended.Contains(s.AgreementId)).DistinctBy(s => s.AgreementId).ToDictionary(s => s.AgreementId);

        var added = 0;
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var chunk in live.Keys.Chunk(Batch))
        {
            var totals = await usage.TotalsForAgreementsAsync(chunk, dayStart, dayEnd, cancellationToken);
            foreach (var total in totals.OrderBy(t => t.AgreementId.Value).ThenBy(t => t.Dimension, StringComparer.Ordinal))
            {
                var subscription = live[total.AgreementId];
                var pct = await QuotaUsedPctAsync(total.AgreementId, total.Dimension, dayStart, dayEnd, cancellationToken);
                var row = new AnalyticsEvent
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    Name = AnalyticsEventNames.UsageReported,
                    DedupeKey = $"{AnalyticsEventNames.UsageReported}:{total.AgreementId}:{total.Dimension}:{dayText}",
                    OccurredAt = dayStart,
                    ReceivedAt = clock.GetUtcNow(),
                    SellerId = subscription.SellerId,
                    ProductId = subscription.ProductId,
                    BuyerId = subscription.BuyerId,
                    AgreementId = total.AgreementId,
                    Country = subscription.Country,
                    Dimension = total.Dimension,
                    Quantity = total.Quantity,
                    Detail = pct is { } p ? string.Create(CultureInfo.InvariantCulture, $$"""{"quotaUsedPct":{{p}}}""") : null,
                };
                if (await writer.AppendAsync(row, cancellationToken))
                {
                    added++;
                }
            }
        }

        return added;
    }

    /// <summary>
    /// The share of the trial quota (usage since the trial started, while the trial runs) or of the free tier (usage of the
    /// calendar month so far) used by the end of the day, in percent to one decimal; null when the plan has neither.
    /// </summary>
    private async Task<decimal?> QuotaUsedPctAsync(AgreementId agreementId, string dimension, DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken cancellationToken)
    {
        var agreement = await agreements.FindAsync(agreementId, LifecycleEventConsumers.System, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var terms = agreement.Terms;
        var trialQuota = terms.FreeTrial?.Quotas?.FirstOrDefault(q => string.Equals(q.Dimension, dimension, StringComparison.Ordinal))?.Quantity;
        var inTrial = agreement.TrialEndsAt is { } trialEnd && trialEnd > dayStart;
        DateTimeOffset since;
        decimal allowance;
        if (inTrial && trialQuota is > 0)
        {
            since = agreement.AcceptedAt;
            allowance = trialQuota.Value;
        }
        else if (terms.FreeTier?.FirstOrDefault(f => string.Equals(f.Dimension, dimension, StringComparison.Ordinal)) is { UnitsPerMonth: > 0 } free)
        {
            since = new DateTimeOffset(dayStart.Year, dayStart.Month, 1, 0, 0, 0, TimeSpan.Zero);
            allowance = free.UnitsPerMonth;
        }
        else
        {
            return null;
        }

        var used = await usage.TotalsForAgreementAsync(agreementId, since, dayEnd, cancellationToken);
        var quantity = used.TryGetValue(dimension, out var q) ? q : 0;
        return LifecycleMetrics.Percent(quantity, allowance);
    }

    internal static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    internal static decimal? QuotaUsedPct(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(detail);
        return json.RootElement.TryGetProperty("quotaUsedPct", out var value) && value.TryGetDecimal(out var pct) ? pct : null;
    }
}

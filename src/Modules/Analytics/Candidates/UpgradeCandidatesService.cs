using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Analytics.Candidates.Rules;
using Tradewind.Analytics.Events;
using Tradewind.Contracts;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Candidates;

/// <summary>The PQL list and its conversion, read from <c>analytics_pql_scores</c> (and the offer events for "offer sent").</summary>
internal sealed class UpgradeCandidatesService(TradewindDbContext db, CandidateEvaluator evaluator, IOptions<CandidatesOptions> options) : IUpgradeCandidates
{
    public Task<int> EvaluateDayAsync(DateOnly day, CancellationToken cancellationToken) => evaluator.EvaluateDayAsync(day, cancellationToken);

    public async Task<UpgradeCandidatesReport> ListAsync(AnalyticsScope scope, int? minScore, DateOnly asOf, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var scores = db.Set<PqlScore>().AsNoTracking();
        if (scope.SellerId is { } sellerId)
        {
            scores = scores.Where(s => s.SellerId == sellerId);
        }

        if (scope.ProductId is { } productId)
        {
            scores = scores.Where(s => s.ProductId == productId);
        }

        var threshold = options.Value.Threshold;
        var conversion = await ConversionAsync(scope, scores.Where(s => s.Day <= asOf), cancellationToken);
        var day = await db.Set<PqlRun>().Where(r => r.Day <= asOf).OrderByDescending(r => r.Day).Select(r => (DateOnly?)r.Day).FirstOrDefaultAsync(cancellationToken);
        if (day is null)
        {
            return new UpgradeCandidatesReport(null, threshold, new Page<UpgradeCandidateDto>([], page.Number, page.Size, 0), conversion, PqlScoring.Definitions);
        }

        var ofDay = scores.Where(s => s.Day == day.Value);
        if (minScore is { } min)
        {
            ofDay = ofDay.Where(s => s.Score >= min);
        }

        var total = await ofDay.CountAsync(cancellationToken);
        var rows = await ofDay.OrderByDescending(s => s.Score).ThenBy(s => s.BuyerName).ThenBy(s => s.AgreementId)
            .Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);

        var buyers = rows.Select(r => r.BuyerId).Distinct().ToList();
        var nullableBuyers = buyers.Select(b => (OrganisationId?)b).ToList();
        var products = rows.Select(r => r.ProductId).Distinct().ToList();
        var history = await db.Set<PqlScore>().AsNoTracking()
            .Where(s => buyers.Contains(s.BuyerId) && products.Contains(s.ProductId) && s.Day <= day.Value)
            .Select(s => new { s.BuyerId, s.ProductId, s.Day, s.IsPql })
            .ToListAsync(cancellationToken);
        var asOfEnd = new DateTimeOffset(day.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var sent = await db.Set<AnalyticsEvent>().AsNoTracking()
            .Where(e => e.Name == AnalyticsEventNames.PrivateOfferSent && nullableBuyers.Contains(e.BuyerId) && e.OccurredAt < asOfEnd)
            .Select(e => new { BuyerId = e.BuyerId!.Value, e.ProductId })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r =>
        {
            var mine = history.Where(h => h.BuyerId == r.BuyerId && h.ProductId == r.ProductId).OrderBy(h => h.Day).ToList();
            DateOnly? since = null;
            if (r.IsPql)
            {
                var lastNot = mine.Where(h => !h.IsPql).Select(h => (DateOnly?)h.Day).Max();
                since = mine.Where(h => h.IsPql && (lastNot is null || h.Day > lastNot)).Min(h => h.Day);
            }

            return new UpgradeCandidateDto(
                r.Day, r.SellerId, r.ProductId, r.ProductTitle, r.BuyerId, r.BuyerName, r.AgreementId, r.Score, r.IsPql, since,
                JsonSerializer.Deserialize<List<PqlRuleOutcome>>(r.RulesJson, CandidateEvaluator.Json) ?? [],
                r.Currency, r.RunRateMinorPerMonth, r.CommitmentMinorPerMonth,
                sent.Any(s => s.BuyerId == r.BuyerId && s.ProductId == r.ProductId));
        }).ToList();

        return new UpgradeCandidatesReport(day, threshold, new Page<UpgradeCandidateDto>(items, page.Number, page.Size, total), conversion, PqlScoring.Definitions);
    }

    /// <summary>
    /// Every buyer × product that was ever a PQL (its first PQL day), then its first private offer sent for the product on
    /// or after that day, then its first acceptance on or after the offer; with the median days between the steps.
    /// </summary>
    private async Task<PqlConversion> ConversionAsync(AnalyticsScope scope, IQueryable<PqlScore> scores, CancellationToken cancellationToken)
    {
        var pqlDays = await scores.Where(s => s.IsPql).Select(s => new { s.BuyerId, s.ProductId, s.Day }).ToListAsync(cancellationToken);
        var pqls = pqlDays.GroupBy(s => (s.BuyerId, s.ProductId))
            .Select(g => new { g.Key.BuyerId, g.Key.ProductId, First = g.Min(s => s.Day) })
            .ToList();
        if (pqls.Count == 0)
        {
            return new PqlConversion(0, 0, 0, null, null);
        }

        var buyers = pqls.Select(p => (OrganisationId?)p.BuyerId).Distinct().ToList();
        var events = db.Set<AnalyticsEvent>().AsNoTracking()
            .Where(e => (e.Name == AnalyticsEventNames.PrivateOfferSent || e.Name == AnalyticsEventNames.PrivateOfferAccepted) && buyers.Contains(e.BuyerId));
        if (scope.SellerId is { } sellerId)
        {
            events = events.Where(e => e.SellerId == sellerId);
        }

        var steps = await events.Select(e => new { e.Name, BuyerId = e.BuyerId!.Value, e.ProductId, e.OccurredAt }).ToListAsync(cancellationToken);
        var toOffer = new List<decimal>();
        var toAccept = new List<decimal>();
        foreach (var pql in pqls)
        {
            var start = new DateTimeOffset(pql.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var offer = steps.Where(s => s.Name == AnalyticsEventNames.PrivateOfferSent && s.BuyerId == pql.BuyerId && s.ProductId == pql.ProductId && s.OccurredAt >= start)
                .OrderBy(s => s.OccurredAt).FirstOrDefault();
            if (offer is null)
            {
                continue;
            }

            toOffer.Add(Days(start, offer.OccurredAt));
            var accepted = steps.Where(s => s.Name == AnalyticsEventNames.PrivateOfferAccepted && s.BuyerId == pql.BuyerId && s.ProductId == pql.ProductId && s.OccurredAt >= offer.OccurredAt)
                .OrderBy(s => s.OccurredAt).FirstOrDefault();
            if (accepted is not null)
            {
                toAccept.Add(Days(offer.OccurredAt, accepted.OccurredAt));
            }
        }

        return new PqlConversion(
            pqls.Count, toOffer.Count, toAccept.Count,
            toOffer.Count == 0 ? null : CandidateEvaluator.Median(toOffer),
            toAccept.Count == 0 ? null : CandidateEvaluator.Median(toAccept));
    }

    private static decimal Days(DateTimeOffset from, DateTimeOffset to) => decimal.Round((decimal)(to - from).TotalDays, 1, MidpointRounding.AwayFromZero);
}

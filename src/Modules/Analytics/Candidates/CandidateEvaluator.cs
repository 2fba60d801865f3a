using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Analytics.Candidates.Rules;
using Tradewind.Analytics.Events;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Analytics.Candidates;

/// <summary>
/// Scores one UTC day: finds the candidates (buyer organisations with a self-service agreement — trial, free tier or
/// PAYG — in force at the end of the day, that have not unsubscribed or accepted a private offer for the product),
/// gathers their facts from the event store and the agreement, offer, catalog and account data, runs the rules and
/// replaces the day's rows of <c>analytics_pql_scores</c>.
/// </summary>
internal sealed class CandidateEvaluator(
    TradewindDbContext db,
    IAgreementsQueries agreements,
    IPrivateOffersQueries offers,
    IAccountsQueries accounts,
    ICatalogQueries catalog,
    IOptions<CandidatesOptions> options,
    TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<OrganisationId, (OrganisationDto? Organisation, IReadOnlyList<string> Domains)> _buyers = [];

    public async Task<int> EvaluateDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var asOf = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var inForce = await LoadInForceAsync(asOf, cancellationToken);
        var selfService = inForce.Where(IsSelfService).ToList();
        var rows = new List<PqlScore>();
        foreach (var seller in selfService.GroupBy(a => a.SellerId))
        {
            rows.AddRange(await EvaluateSellerAsync(seller.Key, day, asOf, seller.ToList(), inForce, cancellationToken));
        }

        return await db.InTransactionAsync(
            async ct =>
            {
                await db.Set<PqlScore>().Where(s => s.Day == day).ExecuteDeleteAsync(ct);
                await db.Set<PqlRun>().Where(r => r.Day == day).ExecuteDeleteAsync(ct);
                db.Set<PqlScore>().AddRange(rows);
                db.Set<PqlRun>().Add(new PqlRun { Day = day, Scored = rows.Count, EvaluatedAt = clock.GetUtcNow() });
                await db.SaveChangesAsync(ct);
                return rows.Count;
            },
            cancellationToken);
    }

    /// <summary>Trial, free tier or PAYG: a public plan's agreement without a contract.</summary>
    public static bool IsSelfService(AgreementDto agreement) =>
        agreement.PrivateOfferId is null && agreement.Terms.Contract is null && agreement.Status != AgreementStatus.Suspended;

    private static bool IsPaying(AgreementDto agreement) =>
        agreement.Status is AgreementStatus.Active or AgreementStatus.CancelPending
        && (agreement.Terms.Contract is not null || (agreement.Terms.Dimensions ?? []).Any(d => d.Price is not null));

    private async Task<List<AgreementDto>> LoadInForceAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var all = new List<AgreementDto>();
        const int batch = 500;
        while (true)
        {
            var page = await agreements.ListForBillingAsync(asOf, asOf, all.Count, batch, cancellationToken);
            all.AddRange(page);
            if (page.Count < batch)
            {
                return all;
            }
        }
    }

    private async Task<List<PqlScore>> EvaluateSellerAsync(
        OrganisationId sellerId, DateOnly day, DateTimeOffset asOf, List<AgreementDto> candidates, List<AgreementDto> inForce, CancellationToken cancellationToken)
    {
        var productIds = candidates.Select(a => (ProductId?)a.ProductId).Distinct().ToList();
        var since56 = asOf.AddDays(-56);
        var since14 = asOf.AddDays(-14);
        var names = new[]
        {
            AnalyticsEventNames.UsageReported, AnalyticsEventNames.SupportTicketOpened, AnalyticsEventNames.CtaClicked, AnalyticsEventNames.ListingView,
            AnalyticsEventNames.Unsubscribed, AnalyticsEventNames.PrivateOfferAccepted,
        };
        var events = await db.Set<AnalyticsEvent>().AsNoTracking()
            .Where(e => e.SellerId == sellerId && productIds.Contains(e.ProductId) && e.OccurredAt < asOf && names.Contains(e.Name))
            .Where(e => e.Name != AnalyticsEventNames.ListingView || (e.BuyerId != null && e.OccurredAt >= since14))
            .Where(e => e.Name != AnalyticsEventNames.CtaClicked || (e.BuyerId != null && e.OccurredAt >= since14))
            .Where(e => e.Name != AnalyticsEventNames.SupportTicketOpened || e.OccurredAt >= since14)
            .Select(e => new EventRow(e.Name, e.ProductId!.Value, e.BuyerId, e.AgreementId, e.Dimension, e.Quantity, e.OccurredAt, e.Detail))
            .ToListAsync(cancellationToken);

        // Exit: unsubscribed from the agreement, or accepted a private offer for the product.
        var left = events.Where(e => e.Name == AnalyticsEventNames.Unsubscribed && e.AgreementId is not null).Select(e => e.AgreementId!.Value).ToHashSet();
        var upgraded = events.Where(e => e.Name == AnalyticsEventNames.PrivateOfferAccepted && e.BuyerId is not null).Select(e => (e.BuyerId!.Value, e.ProductId)).ToHashSet();
        var accounts = candidates
            .Where(a => !left.Contains(a.Id) && !upgraded.Contains((a.BuyerId, a.ProductId)))
            .GroupBy(a => (a.BuyerId, a.ProductId))
            .Select(g => g.OrderByDescending(a => a.AcceptedAt).First())
            .ToList();
        if (accounts.Count == 0)
        {
            return [];
        }

        var usage = events.Where(e => e.Name == AnalyticsEventNames.UsageReported && e.BuyerId is not null && e.Dimension is not null && e.Quantity is > 0).ToList();
        var sellerCaller = new AgreementsCaller(sellerId, Roles.Seller, "analytics");
        var commitments = await LoadCommitmentsAsync(sellerCaller, cancellationToken);
        var openIncidents = await LoadOpenIncidentsAsync(sellerCaller, cancellationToken);
        var listings = await LoadListingsAsync(sellerId, cancellationToken);
        var inForceBySeller = inForce.Where(a => a.SellerId == sellerId).ToList();

        var rows = new List<PqlScore>();
        foreach (var agreement in accounts)
        {
            var productUsage = usage.Where(u => u.ProductId == agreement.ProductId).ToList();
            var facts = await BuildFactsAsync(day, agreement, productUsage, events, commitments, openIncidents, listings, inForceBySeller, cancellationToken);
            var outcomes = PqlScoring.Evaluate(facts);
            var score = PqlScoring.Score(outcomes);
            var currency = Currency.FromCode(facts.Currency);
            rows.Add(new PqlScore
            {
                Day = day,
                SellerId = sellerId,
                ProductId = agreement.ProductId,
                BuyerId = agreement.BuyerId,
                AgreementId = agreement.Id,
                ProductTitle = agreement.ProductTitle,
                BuyerName = agreement.BuyerName,
                Score = score,
                IsPql = score >= options.Value.Threshold,
                RulesJson = JsonSerializer.Serialize(outcomes, Json),
                Currency = facts.Currency,
                RunRateMinorPerMonth = facts.RunRatePerMonth is { } r ? Money.FromMajor(r, currency, MidpointRounding.AwayFromZero).MinorUnits : null,
                CommitmentMinorPerMonth = facts.SmallestCommitmentPerMonth is { } c ? Money.FromMajor(c, currency, MidpointRounding.AwayFromZero).MinorUnits : null,
                EvaluatedAt = clock.GetUtcNow(),
            });
        }

        return rows;
    }

    private async Task<CandidateFacts> BuildFactsAsync(
        DateOnly day,
        AgreementDto agreement,
        List<EventRow> productUsage,
        List<EventRow> events,
        List<(ProductId Product, string Currency, decimal PerMonth)> commitments,
        List<TicketDto> openIncidents,
        Dictionary<ProductId, ListingSummaryDto> listings,
        List<AgreementDto> inForce,
        CancellationToken cancellationToken)
    {
        var buyerId = agreement.BuyerId;
        var mine = productUsage.Where(u => u.BuyerId == buyerId).ToList();
        var daily = mine.Where(u => Day(u.OccurredAt) > day.AddDays(-56))
            .GroupBy(u => (Day: Day(u.OccurredAt), u.Dimension))
            .Select(g => new DailyUsage(g.Key.Day, g.Key.Dimension!, g.Sum(u => u.Quantity!.Value), g.Select(u => QuotaUsedPct(u.Detail)).Max()))
            .ToList();

        // The median paying customer's trailing 28 days, per dimension (customers without usage count as 0).
        var payingBuyers = inForce.Where(a => a.ProductId == agreement.ProductId && IsPaying(a)).Select(a => a.BuyerId).Distinct().ToList();
        var medians = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (payingBuyers.Count > 0)
        {
            var trailingFrom = day.AddDays(-27);
            foreach (var dimension in productUsage.Select(u => u.Dimension!).Distinct(StringComparer.Ordinal))
            {
                var totals = payingBuyers
                    .Select(b => productUsage.Where(u => u.BuyerId == b && u.Dimension == dimension && Day(u.OccurredAt) >= trailingFrom).Sum(u => u.Quantity!.Value))
                    .ToList();
                medians[dimension] = Median(totals);
            }
        }

        var (organisation, domains) = await BuyerAsync(buyerId, cancellationToken);
        var (sameDomain, sharedDomain) = await SameDomainAsync(agreement, domains, inForce, cancellationToken);
        var currency = agreement.Currency;
        var last30 = mine.Where(u => Day(u.OccurredAt) > day.AddDays(-30))
            .GroupBy(u => u.Dimension!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(u => u.Quantity!.Value), StringComparer.Ordinal);
        var tiers = commitments.Where(c => c.Product == agreement.ProductId && string.Equals(c.Currency, currency, StringComparison.Ordinal)).Select(c => c.PerMonth).ToList();
        var since14 = day.AddDays(-13);
        var recent = events.Where(e => e.BuyerId == buyerId && e.ProductId == agreement.ProductId && Day(e.OccurredAt) >= since14).ToList();
        var listing = listings.GetValueOrDefault(agreement.ProductId);
        var country = organisation?.CountryCode ?? "";

        return new CandidateFacts
        {
            Day = day,
            AgreementStart = Day(agreement.AcceptedAt),
            Usage = daily,
            FirstUseByDimension = mine.GroupBy(u => u.Dimension!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(u => Day(u.OccurredAt)), StringComparer.Ordinal),
            LastUsageDay = mine.Count == 0 ? null : mine.Max(u => Day(u.OccurredAt)),
            MedianPayingUsage = medians,
            Quotas = Quotas(agreement, day, mine),
            Currency = currency,
            RunRatePerMonth = RunRate.Monthly(agreement.Terms, last30),
            SmallestCommitmentPerMonth = tiers.Count == 0 ? null : tiers.Min(),
            EmailDomains = domains,
            SameDomainOrganisations = sameDomain,
            SharedDomain = sharedDomain,
            RecentTickets = recent.Where(e => e.Name == AnalyticsEventNames.SupportTicketOpened)
                .Select(e => new TicketFact(Day(e.OccurredAt), DetailString(e.Detail, "category") ?? "", DetailString(e.Detail, "severity") ?? ""))
                .ToList(),
            OpenUrgentIncidents = openIncidents.Count(t => t.BuyerId == buyerId && inForce.Concat([agreement]).Any(a => a.Id == t.AgreementId && a.ProductId == agreement.ProductId) && Day(t.OpenedAt) <= day),
            PrivateOfferRequests = recent.Count(e => e.Name == AnalyticsEventNames.CtaClicked && DetailString(e.Detail, "cta") == "request_private_offer"),
            SignedInListingViews = recent.Count(e => e.Name == AnalyticsEventNames.ListingView),
            Country = country,
            CountryAvailable = listing is null || !listing.Availability.ExcludedCountries.Contains(country, StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>
    /// Quota use per dimension: during a trial, usage since it started against the trial quota; on a free tier, usage this
    /// calendar month against the free units; or the latest <c>quotaUsedPct</c> the lifecycle job reported, whichever is higher.
    /// </summary>
    private static List<QuotaUse> Quotas(AgreementDto agreement, DateOnly day, List<EventRow> mine)
    {
        var uses = new List<QuotaUse>();
        var terms = agreement.Terms;
        var inTrial = agreement.Status == AgreementStatus.Trial || (agreement.TrialEndsAt is { } ends && Day(ends) > day);
        if (inTrial && terms.FreeTrial?.Quotas is { Count: > 0 } quotas)
        {
            var start = Day(agreement.AcceptedAt);
            uses.AddRange(quotas.Where(q => q.Quantity > 0).Select(q => new QuotaUse(
                q.Dimension, mine.Where(u => u.Dimension == q.Dimension && Day(u.OccurredAt) >= start && Day(u.OccurredAt) <= day).Sum(u => u.Quantity!.Value), q.Quantity, "trial quota")));
        }

        if (terms.FreeTier is { Count: > 0 } free)
        {
            var monthStart = new DateOnly(day.Year, day.Month, 1);
            uses.AddRange(free.Where(f => f.UnitsPerMonth > 0).Select(f => new QuotaUse(
                f.Dimension, mine.Where(u => u.Dimension == f.Dimension && Day(u.OccurredAt) >= monthStart && Day(u.OccurredAt) <= day).Sum(u => u.Quantity!.Value), f.UnitsPerMonth, "free tier")));
        }

        if (uses.Count == 0)
        {
            return uses;
        }

        var reported = mine.Where(u => Day(u.OccurredAt) == day && QuotaUsedPct(u.Detail) is not null)
            .Select(u => new QuotaUse(u.Dimension!, QuotaUsedPct(u.Detail)!.Value, 100m, "quota (reported)"));
        return [.. uses, .. reported];
    }

    private async Task<(int Count, string? Domain)> SameDomainAsync(AgreementDto agreement, IReadOnlyList<string> domains, List<AgreementDto> inForce, CancellationToken cancellationToken)
    {
        var business = domains.Where(d => !FreeMailDomains.Contains(d)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (business.Count == 0)
        {
            return (0, null);
        }

        var counts = business.ToDictionary(d => d, _ => 1, StringComparer.OrdinalIgnoreCase);
        foreach (var other in inForce.Where(a => a.ProductId == agreement.ProductId && a.BuyerId != agreement.BuyerId).Select(a => a.BuyerId).Distinct())
        {
            var (_, otherDomains) = await BuyerAsync(other, cancellationToken);
            foreach (var domain in otherDomains.Where(business.Contains).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                counts[domain]++;
            }
        }

        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First();
        return (top.Value, top.Key);
    }

    private async Task<(OrganisationDto? Organisation, IReadOnlyList<string> Domains)> BuyerAsync(OrganisationId buyerId, CancellationToken cancellationToken)
    {
        if (!_buyers.TryGetValue(buyerId, out var buyer))
        {
            var organisation = await accounts.FindOrganisationAsync(buyerId, cancellationToken);
            var users = await accounts.ListUsersAsync(buyerId, cancellationToken);
            var domains = users.Select(u => FreeMailDomains.DomainOf(u.Email)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            buyer = (organisation, domains);
            _buyers[buyerId] = buyer;
        }

        return buyer;
    }

    /// <summary>The seller's commitments per month: contract offer templates and sent private offers, by product and currency.</summary>
    private async Task<List<(ProductId Product, string Currency, decimal PerMonth)>> LoadCommitmentsAsync(AgreementsCaller seller, CancellationToken cancellationToken)
    {
        var result = new List<(ProductId, string, decimal)>();
        for (var number = 1; ; number++)
        {
            var page = await offers.ListTemplatesAsync(seller, new PageRequest(number, PageRequest.MaxSize), cancellationToken);
            foreach (var template in page.Items)
            {
                var draft = template.Draft;
                if (draft.ContractPrice is { } price && draft.TermMonths > 0
                    && decimal.TryParse(price, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value > 0)
                {
                    result.Add((draft.ProductId, draft.Currency, value / draft.TermMonths));
                }
            }

            if (!page.HasNext)
            {
                break;
            }
        }

        for (var number = 1; ; number++)
        {
            var page = await offers.ListAsync(new PrivateOfferFilter(), seller, new PageRequest(number, PageRequest.MaxSize), cancellationToken);
            result.AddRange(page.Items
                .Where(o => o.Status != PrivateOfferStatus.Draft && o.PublishedAt is not null && o.TermMonths > 0 && o.ContractValue.Amount > 0)
                .Select(o => (o.ProductId, o.Currency, o.ContractValue.Amount / o.TermMonths)));
            if (!page.HasNext)
            {
                break;
            }
        }

        return result;
    }

    private async Task<List<TicketDto>> LoadOpenIncidentsAsync(AgreementsCaller seller, CancellationToken cancellationToken)
    {
        var result = new List<TicketDto>();
        foreach (var status in new[] { TicketStatus.Open, TicketStatus.Waiting })
        {
            for (var number = 1; ; number++)
            {
                var page = await agreements.ListTicketsAsync(status, seller, new PageRequest(number, PageRequest.MaxSize), cancellationToken);
                result.AddRange(page.Items.Where(t => t.Category == TicketCategory.Problem && t.Severity == TicketSeverity.Urgent));
                if (!page.HasNext)
                {
                    break;
                }
            }
        }

        return result;
    }

    private async Task<Dictionary<ProductId, ListingSummaryDto>> LoadListingsAsync(OrganisationId sellerId, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ProductId, ListingSummaryDto>();
        for (var number = 1; ; number++)
        {
            var page = await catalog.ListBySellerAsync(sellerId, new PageRequest(number, PageRequest.MaxSize), cancellationToken);
            foreach (var listing in page.Items)
            {
                result[listing.Id] = listing;
            }

            if (!page.HasNext)
            {
                return result;
            }
        }
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    private static decimal? QuotaUsedPct(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(detail);
        return json.RootElement.TryGetProperty("quotaUsedPct", out var pct) && pct.TryGetDecimal(out var value) ? value : null;
    }

    private static string? DetailString(string? detail, string name)
    {
        if (detail is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(detail);
        return json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private sealed record EventRow(string Name, ProductId ProductId, OrganisationId? BuyerId, AgreementId? AgreementId, string? Dimension, decimal? Quantity, DateTimeOffset OccurredAt, string? Detail);
}

using System.Globalization;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>A published demo listing and how much traffic it draws (1 = an average listing).</summary>
internal sealed record DemoTrafficListing(ProductId ProductId, OrganisationId SellerId, double Popularity);

/// <summary>A demo subscription the traffic must lead to: a visit and a CTA click shortly before it was accepted.</summary>
internal sealed record DemoTrafficConversion(ProductId ProductId, OrganisationId SellerId, AgreementId AgreementId, DateTimeOffset AcceptedAt, string BuyerCountry, bool Trial);

/// <summary>
/// Three months of believable listing traffic, deterministic for a seed: a weekday rhythm and slow growth, a spring
/// newsletter campaign and a LinkedIn push that show as bumps, organic search as the steady base, visitors from the
/// countries the demo buyers come from (served in their language, machine-translated), about one view in nine from a
/// crawler or a headless browser, and a few unconfirmed views (no beacon). Every demo subscription gets the visit and
/// CTA click it came from, so the funnel and the traffic report tell the same story.
/// </summary>
internal static class DemoTraffic
{
    private sealed record Source(string? Source_, string? Medium, string? Campaign, string? ReferrerHost, string Channel, double Weight);

    private static readonly Source[] Sources =
    [
        new("google", "organic", null, "www.google.com", "search", 34),
        new("bing", "organic", null, "www.bing.com", "search", 6),
        new("duckduckgo", "organic", null, "duckduckgo.com", "search", 3),
        new(null, null, null, null, "direct", 18),
        new(null, null, null, null, "marketplace_search", 14),
        new("linkedin", "social", null, "www.linkedin.com", "social", 6),
        new("reddit", "social", null, "www.reddit.com", "social", 3),
        new("g2", "referral", null, "www.g2.com", "referral", 5),
        new("partner-blog", "referral", null, "blog.example.org", "referral", 3),
        new("newsletter", "email", "spring-launch", null, "email", 0),
        new("linkedin", "cpc", "q3-retargeting", "www.linkedin.com", "campaign", 0),
    ];

    private static readonly (string Country, string Locale, double Weight)[] Countries =
    [
        ("US", "en", 30), ("DE", "de", 14), ("GB", "en", 10), ("JP", "ja", 9), ("FR", "fr", 6), ("IN", "en", 7),
        ("AU", "en", 4), ("KR", "ko", 4), ("BR", "es", 3), ("CA", "en", 4), ("MX", "es", 3), ("ES", "es", 3), ("SG", "en", 2),
        ("ZA", "en", 1),
    ];

    private static readonly string[] BotReasons = ["user_agent", "user_agent", "headless", "no_accept_language", "rate_limit"];

    private static readonly string[] Ctas = ["trial", "trial", "subscribe", "request_private_offer", "contact"];

    public static List<HistoricalListingVisit> Generate(
        IReadOnlyList<DemoTrafficListing> listings, IReadOnlyList<DemoTrafficConversion> conversions, DateOnly firstDay, DateOnly lastDay, DateTimeOffset now, int seed)
    {
        ArgumentNullException.ThrowIfNull(listings);
        ArgumentNullException.ThrowIfNull(conversions);
        var random = new Random(seed);
        var visits = new List<HistoricalListingVisit>();
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d);
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var weekday = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.45 : 1.0;
            var growth = 0.75 + (0.5 * d / days);
            // The newsletter went out on day 30 and was read for a week; the LinkedIn campaign ran days 55–69.
            var newsletter = d is >= 30 and < 37 ? 9.0 * (1 - ((d - 30) / 7.0)) : 0;
            var retargeting = d is >= 55 and < 70 ? 4.0 : 0;
            foreach (var listing in listings)
            {
                var expected = 11 * listing.Popularity * weekday * growth;
                var count = (int)Math.Round(expected * (0.7 + (random.NextDouble() * 0.6)), MidpointRounding.AwayFromZero);
                var dayVisitors = new List<string>();
                for (var v = 0; v < count; v++)
                {
                    var at = start.AddSeconds(random.Next(86_400));
                    if (at > now)
                    {
                        continue;
                    }

                    var source = Pick(random, Sources, s => s.Weight + (s.Campaign == "spring-launch" ? newsletter : 0) + (s.Campaign == "q3-retargeting" ? retargeting : 0));
                    var (country, locale, _) = Pick(random, Countries, c => c.Weight);
                    var bot = random.NextDouble() < 0.11 ? BotReasons[random.Next(BotReasons.Length)] : null;
                    // A fifth of the day's human visitors come back to the same listing on the same day.
                    var hash = dayVisitors.Count > 0 && random.NextDouble() < 0.2
                        ? dayVisitors[random.Next(dayVisitors.Count)]
                        : random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
                    if (bot is null)
                    {
                        dayVisitors.Add(hash);
                    }

                    var confirmed = bot is null && random.NextDouble() < 0.93;
                    var cta = confirmed && random.NextDouble() < 0.055 ? Ctas[random.Next(Ctas.Length)] : null;
                    visits.Add(new HistoricalListingVisit(
                        at, listing.SellerId, listing.ProductId, bot is null ? hash : null,
                        source.Source_, source.Medium, source.Campaign, source.ReferrerHost, source.Channel,
                        country, locale, locale == "en" ? "original" : "machine", confirmed, bot, cta, null));
                }
            }
        }

        foreach (var conversion in conversions)
        {
            var before = TimeSpan.FromMinutes(5 + random.Next(60 * 24 * 3));
            var at = conversion.AcceptedAt - before;
            var source = Pick(random, Sources, s => s.Weight + (s.Campaign is null ? 0 : 4));
            var locale = Countries.FirstOrDefault(c => c.Country == conversion.BuyerCountry).Locale ?? "en";
            visits.Add(new HistoricalListingVisit(
                at, conversion.SellerId, conversion.ProductId, random.NextInt64().ToString("x16", CultureInfo.InvariantCulture),
                source.Source_, source.Medium, source.Campaign, source.ReferrerHost, source.Channel,
                conversion.BuyerCountry, locale, locale == "en" ? "original" : "machine", true, null,
                conversion.Trial ? "trial" : "subscribe", conversion.AgreementId));
        }

        return visits;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var roll = random.NextDouble() * total;
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}

using CsCheck;
using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Events;
using Tradewind.Analytics.Traffic.Capture;
using Tradewind.Analytics.Traffic.Jobs;
using Tradewind.Analytics.Traffic.Reports;
using Tradewind.Analytics.Traffic.Rollups;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Tests.Traffic;

/// <summary>Hand-built events in, expected rollup rows and report figures out.</summary>
public sealed class TrafficRollupsTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private static readonly OrganisationId Seller = OrganisationId.From(Guid.CreateVersion7());
    private static readonly OrganisationId OtherSeller = OrganisationId.From(Guid.CreateVersion7());
    private static readonly ProductId Product = ProductId.From(Guid.CreateVersion7());
    private static readonly ProductId OtherProduct = ProductId.From(Guid.CreateVersion7());

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static AnalyticsEvent View(
        string? hash, DateOnly? day = null, bool confirmed = true, bool bot = false, string? source = "newsletter", string? country = "DE", string locale = "de",
        string kind = "machine", OrganisationId? seller = null, ProductId? product = null, int hour = 10) => new()
        {
            Id = Guid.CreateVersion7(),
            Name = AnalyticsEventNames.ListingView,
            OccurredAt = At(day ?? Day, hour),
            ReceivedAt = At(day ?? Day, hour),
            SellerId = seller ?? Seller,
            ProductId = product ?? Product,
            VisitorDayHash = hash,
            Source = source,
            Medium = source is null ? null : "email",
            Campaign = source is null ? null : "spring",
            Channel = source is null ? AnalyticsChannels.Direct : AnalyticsChannels.Email,
            Country = country,
            Locale = locale,
            TranslationKind = kind,
            Confirmed = confirmed,
            IsBot = bot,
            BotReason = bot ? "user_agent" : null,
        };

    private static AnalyticsEvent Lifecycle(string name, AgreementId agreement, Guid? viewId, DateOnly? day = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        DedupeKey = $"{name}:{agreement}",
        OccurredAt = At(day ?? Day, 12),
        ReceivedAt = At(day ?? Day, 12),
        SellerId = Seller,
        ProductId = Product,
        AgreementId = agreement,
        AttributionViewId = viewId,
        Country = "JP",
    };

    [Fact]
    public async Task A_rebuild_counts_views_confirmations_bots_clicks_and_exact_visitor_days_per_product_day_and_per_group()
    {
        await using var database = await TrafficDatabase.CreateAsync();
        var a1 = View("aaaa000000000001");
        var a2 = View("aaaa000000000001", source: "google", country: "DE");
        var b = View("bbbb000000000002", locale: "en", kind: "original");
        var unconfirmed = View("cccc000000000003", confirmed: false);
        var bot = View("dddd000000000004", confirmed: false, bot: true);
        var nextDay = View("aaaa000000000001", day: Day.AddDays(1));
        var outside = View("eeee000000000005", day: Day.AddDays(5));
        var click = new AnalyticsEvent
        {
            Id = Guid.CreateVersion7(),
            Name = AnalyticsEventNames.CtaClicked,
            OccurredAt = At(Day, 11),
            ReceivedAt = At(Day, 11),
            SellerId = Seller,
            ProductId = Product,
            AttributionViewId = a1.Id,
            Detail = """{"cta":"trial"}""",
        };
        await database.AddAsync(a1, a2, b, unconfirmed, bot, nextDay, outside, click);

        await using (var db = database.Open())
        {
            await new TrafficRollups(db).RebuildAsync(new AnalyticsRange(Day, Day.AddDays(1)), TestContext.Current.CancellationToken);
        }

        await using var read = database.Open();
        var visitors = await read.Set<DailyVisitors>().OrderBy(v => v.Day).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, visitors.Count);
        var first = visitors[0];
        Assert.Equal((Day, Seller, Product), (first.Day, first.SellerId, first.ProductId));
        Assert.Equal(2, first.VisitorDays); // a (twice, two groups) and b; c unconfirmed and d a bot do not count
        Assert.Equal(5, first.Views);
        Assert.Equal(3, first.ConfirmedViews);
        Assert.Equal(1, first.BotViews);
        Assert.Equal(1, first.CtaClicks);
        Assert.Equal((Day.AddDays(1), 1, 1), (visitors[1].Day, visitors[1].VisitorDays, visitors[1].Views));

        var groups = await read.Set<DailyTraffic>().Where(t => t.Day == Day).ToListAsync(TestContext.Current.CancellationToken);
        var newsletterDe = Assert.Single(groups, g => g.Source == "newsletter" && g.Locale == "de");
        Assert.Equal((3, 1, 1, 1), (newsletterDe.Views, newsletterDe.ConfirmedViews, newsletterDe.BotViews, newsletterDe.VisitorDays));
        Assert.Equal(("email", "spring", "DE", "machine"), (newsletterDe.Medium, newsletterDe.Campaign, newsletterDe.Country, newsletterDe.TranslationKind));
        var google = Assert.Single(groups, g => g.Source == "google");
        Assert.Equal((1, 1, 1), (google.Views, google.ConfirmedViews, google.VisitorDays));
        // Visitor-days per group do not add up to the product-day's exact count: visitor a came through two groups.
        Assert.Equal(3, groups.Sum(g => g.VisitorDays));
        Assert.Equal(first.Views, groups.Sum(g => g.Views));
    }

    [Fact]
    public async Task Rebuilding_the_same_range_twice_gives_the_same_rows_and_picks_up_late_events()
    {
        await using var database = await TrafficDatabase.CreateAsync();
        await database.AddAsync(View("aaaa000000000001"), View("bbbb000000000002"));
        var range = new AnalyticsRange(Day, Day);
        await using (var db = database.Open())
        {
            await new TrafficRollups(db).RebuildAsync(range, TestContext.Current.CancellationToken);
            await new TrafficRollups(db).RebuildAsync(range, TestContext.Current.CancellationToken);
        }

        await using (var read = database.Open())
        {
            Assert.Equal(2, Assert.Single(await read.Set<DailyVisitors>().ToListAsync(TestContext.Current.CancellationToken)).VisitorDays);
            Assert.Equal(2, (await read.Set<DailyTraffic>().ToListAsync(TestContext.Current.CancellationToken)).Sum(t => t.Views));
        }

        await database.AddAsync(View("cccc000000000003", hour: 23));
        await using (var db = database.Open())
        {
            await TrafficRollupJob.RunOnceAsync(new TrafficRollups(db), At(Day.AddDays(1), 0), TestContext.Current.CancellationToken);
        }

        await using var after = database.Open();
        Assert.Equal(3, Assert.Single(await after.Set<DailyVisitors>().ToListAsync(TestContext.Current.CancellationToken)).VisitorDays);
    }

    [Fact]
    public async Task Trials_and_subscriptions_count_under_the_language_and_the_traffic_row_of_the_view_they_are_attributed_to()
    {
        await using var database = await TrafficDatabase.CreateAsync();
        var german = View("aaaa000000000001");
        var english = View("bbbb000000000002", locale: "en", kind: "original");
        var trial = AgreementId.From(Guid.CreateVersion7());
        var subscription = AgreementId.From(Guid.CreateVersion7());
        var unattributed = AgreementId.From(Guid.CreateVersion7());
        await database.AddAsync(
            german, english,
            Lifecycle(AnalyticsEventNames.TrialStarted, trial, german.Id),
            Lifecycle(AnalyticsEventNames.Subscribed, subscription, null),
            Lifecycle(AnalyticsEventNames.TrialStarted, unattributed, null));
        await using (var db = database.Open())
        {
            // The subscription's view is known only from the attribution table.
            db.Add(new ListingAttribution { AgreementId = subscription, ViewId = english.Id, RecordedAt = At(Day, 12) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await new TrafficRollups(db).RebuildAsync(new AnalyticsRange(Day, Day), TestContext.Current.CancellationToken);
        }

        await using var read = database.Open();
        var report = await new TrafficReports(read).GetLanguagesAsync(new AnalyticsScope(Seller), new AnalyticsRange(Day, Day), TestContext.Current.CancellationToken);
        Assert.Equal(
            [new LanguageRow("de", "machine", 1, 1, 1, 0, 1m), new LanguageRow("en", "original", 1, 1, 0, 1, 0m)],
            report.Rows.OrderBy(r => r.Locale, StringComparer.Ordinal));
        Assert.Contains(report.Definitions, d => d.Code == "listing_conversion");

        // The same sign-ups in the traffic breakdowns: the unattributed trial is in no row.
        var traffic = await new TrafficReports(read).GetTrafficAsync(new AnalyticsScope(Seller), new AnalyticsRange(Day, Day), TestContext.Current.CancellationToken);
        var email = Assert.Single(traffic.Breakdowns[TrafficBreakdown.Channel]);
        Assert.Equal((AnalyticsChannels.Email, 2L, 1L, 1L, 0.5m), (email.Key, email.VisitorDays, email.Trials, email.Subscriptions, email.Conversion));
        Assert.Equal(
            [("de", 1L, 0L, 1m), ("en", 0L, 1L, 0m)],
            traffic.Breakdowns[TrafficBreakdown.Language].Select(r => (r.Key, r.Trials, r.Subscriptions, r.Conversion)).OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(1, await read.Set<DailyTraffic>().SumAsync(t => t.Trials, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_seller_sees_countries_under_five_visitor_days_folded_into_other_and_the_operator_sees_them_all()
    {
        await using var database = await TrafficDatabase.CreateAsync();
        var views = new List<AnalyticsEvent>();
        for (var i = 0; i < 6; i++)
        {
            views.Add(View($"de00000000000{i:D3}", country: "DE"));
        }

        views.Add(View("fr00000000000001", country: "FR"));
        views.Add(View("fr00000000000002", country: "FR"));
        views.Add(View("li00000000000001", country: "LI"));
        views.Add(View("xx00000000000001", country: "US", seller: OtherSeller, product: OtherProduct));
        await database.AddAsync([.. views]);
        var range = new AnalyticsRange(Day.AddDays(-6), Day);
        await using (var db = database.Open())
        {
            await new TrafficRollups(db).RebuildAsync(range, TestContext.Current.CancellationToken);
        }

        await using var read = database.Open();
        var reports = new TrafficReports(read);
        var seller = await reports.GetTrafficAsync(new AnalyticsScope(Seller), range, TestContext.Current.CancellationToken);
        Assert.Equal(
            [("DE", 6L, 0.6667m), (ITrafficReports.OtherKey, 3L, 0.3333m)],
            seller.Breakdowns[TrafficBreakdown.Country].Select(r => (r.Key, r.VisitorDays, r.Share)));
        Assert.Equal(new TrafficTotals(9, 9, 9, 0, 0), seller.Totals);
        Assert.Equal(7, seller.Daily.Count);
        Assert.Equal(9, seller.Daily[^1].ConfirmedViews);
        Assert.Equal([("spring", 9L)], seller.Breakdowns[TrafficBreakdown.Campaign].Select(r => (r.Key, r.ConfirmedViews)));

        var marketplace = await reports.GetTrafficAsync(AnalyticsScope.Marketplace, range, TestContext.Current.CancellationToken);
        Assert.Equal(["DE", "FR", "LI", "US"], marketplace.Breakdowns[TrafficBreakdown.Country].Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(10, marketplace.Totals.VisitorDays);

        var oneProduct = await reports.GetTrafficAsync(new AnalyticsScope(Seller, OtherProduct), range, TestContext.Current.CancellationToken);
        Assert.True(oneProduct.IsEmpty);
    }

    [Fact]
    public void Folding_keeps_every_view_and_never_shows_a_country_under_the_threshold()
    {
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 30]).Array[0, 12].Sample(buckets =>
        {
            var groups = buckets.Select((b, i) => new TrafficReports.Group($"C{i}", b.Item1 + b.Item2, b.Item2, b.Item1, 0)).ToList();
            var folded = TrafficReports.FoldSmallCountries(groups);
            Assert.Equal(groups.Sum(g => g.Views), folded.Sum(g => g.Views));
            Assert.Equal(groups.Sum(g => g.VisitorDays), folded.Sum(g => g.VisitorDays));
            Assert.All(folded.Where(g => g.Key != ITrafficReports.OtherKey), g => Assert.True(g.VisitorDays >= ITrafficReports.SmallBucketVisitorDays));
            var rows = TrafficReports.Rows(folded);
            if (rows.Sum(r => r.ConfirmedViews) > 0)
            {
                Assert.InRange(rows.Sum(r => r.Share), 0.9990m, 1.0010m);
            }
        });
    }
}

using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Analytics.Events;
using Tradewind.Analytics.Traffic.Capture;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Tests.Traffic.Capture;

/// <summary>The capture path against a real SQLite file: what the raw writer stores, EF reads back.</summary>
public sealed class CaptureQueueTests : IAsyncLifetime
{
    private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static readonly ProductId Product = new(Guid.CreateVersion7());
    private static readonly OrganisationId Seller = new(Guid.CreateVersion7());

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tradewind-analytics-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private ServiceProvider _services = null!;
    private DatabaseSettings _settings = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "analytics.db")}", _directory);
        await using (var db = Db())
        {
            await db.Database.EnsureCreatedAsync(_ct);
        }

        _services = Services(new CaptureOptions { QueueCapacity = 1_000, RateLimitViews = 3 });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private ServiceProvider Services(CaptureOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_settings);
        services.AddDbContext<TradewindDbContext>(o => _settings.Configure(o));
        foreach (var contributor in AnalyticsModel.Contributors())
        {
            services.AddSingleton<IModelContributor>(contributor);
        }

        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(Options.Create(new GeoIpOptions { CountryHeader = "CF-IPCountry" }));
        services.AddSingleton<CaptureStore>(new SqliteCaptureStore(_settings));
        services.AddSingleton(new ViewToken(new byte[32], options.TokenLifetime));
        services.AddSingleton<CountryLookup>();
        services.AddSingleton<VisitorSalts>();
        services.AddSingleton<CaptureQueue>();
        services.AddSingleton<ListingTrafficCapture>();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        return services.BuildServiceProvider();
    }

    private TradewindDbContext Db()
    {
        var options = new DbContextOptionsBuilder<TradewindDbContext>();
        _settings.Configure(options);
        return new TradewindDbContext(options.Options, AnalyticsModel.Contributors());
    }

    private ListingTrafficCapture Capture => _services.GetRequiredService<ListingTrafficCapture>();

    /// <summary>Captures a view and moves the clock on a millisecond, so stored rows sort in capture order.</summary>
    private string View(ListingVisit visit)
    {
        var token = Capture.CaptureView(visit);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        return token;
    }

    private static ListingVisit Visit(string ip = "203.0.113.9", bool dnt = false) => new(Product, Seller, "ja", "machine", "market.example")
    {
        Query = new Dictionary<string, string?> { ["utm_source"] = "Newsletter", ["utm_medium"] = "email", ["utm_campaign"] = "Spring" },
        Referrer = "https://mail.example.net/inbox",
        UserAgent = Chrome,
        AcceptLanguage = "ja-JP,ja;q=0.9",
        RemoteIp = IPAddress.Parse(ip),
        CountryHeader = "jp",
        DoNotTrack = dnt,
    };

    private async Task<List<AnalyticsEvent>> EventsAsync()
    {
        await using var db = Db();
        return await db.Set<AnalyticsEvent>().AsNoTracking().OrderBy(e => e.OccurredAt).ToListAsync(_ct);
    }

    [Fact]
    public async Task A_view_is_stored_with_its_source_country_language_and_hash_and_read_back_through_the_model()
    {
        var token = View(Visit());
        await Capture.FlushAsync(_ct);

        var view = Assert.Single(await EventsAsync());
        Assert.Equal(AnalyticsEventNames.ListingView, view.Name);
        Assert.Equal((Seller, Product), (view.SellerId!.Value, view.ProductId!.Value));
        Assert.Equal(("newsletter", "email", "spring", "mail.example.net", AnalyticsChannels.Email), (view.Source, view.Medium, view.Campaign, view.ReferrerHost, view.Channel));
        Assert.Equal(("JP", "ja", "machine"), (view.Country, view.Locale, view.TranslationKind));
        Assert.Equal(_clock.GetUtcNow().AddMilliseconds(-1), view.OccurredAt);
        Assert.Matches("^[0-9a-f]{16}$", view.VisitorDayHash);
        Assert.False(view.IsBot);
        Assert.False(view.Confirmed);
        Assert.Equal(view.Id, _services.GetRequiredService<ViewToken>().Verify(token, _clock.GetUtcNow()));
    }

    [Fact]
    public async Task Do_not_track_keeps_the_view_but_makes_no_hash()
    {
        View(Visit(dnt: true));
        await Capture.FlushAsync(_ct);

        var view = Assert.Single(await EventsAsync());
        Assert.Null(view.VisitorDayHash);
    }

    [Fact]
    public async Task Two_addresses_of_one_network_on_one_day_are_one_visitor_and_the_next_day_another_hash()
    {
        View(Visit("203.0.113.9"));
        View(Visit("203.0.113.200"));
        await Capture.FlushAsync(_ct);
        _clock.Advance(TimeSpan.FromDays(1));
        View(Visit("203.0.113.9"));
        await Capture.FlushAsync(_ct);

        var hashes = (await EventsAsync()).Select(e => e.VisitorDayHash).ToList();
        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
    }

    [Fact]
    public async Task A_confirmation_while_the_view_is_queued_is_stored_with_it_and_a_later_one_updates_the_row()
    {
        var first = View(Visit());
        Assert.True(Capture.Confirm(first, webdriver: false));
        await Capture.FlushAsync(_ct);
        var second = View(Visit("198.51.100.4"));
        await Capture.FlushAsync(_ct);
        Assert.True(Capture.Confirm(second, webdriver: false));
        var third = View(Visit("192.0.2.1"));
        await Capture.FlushAsync(_ct);
        Assert.True(Capture.Confirm(third, webdriver: true));
        await Capture.FlushAsync(_ct);

        var views = await EventsAsync();
        Assert.Equal([true, true, false], views.Select(v => v.Confirmed));
        Assert.Equal([null, null, BotReasons.Webdriver], views.Select(v => v.BotReason));
    }

    [Fact]
    public async Task A_forged_or_expired_token_confirms_nothing()
    {
        var token = View(Visit());
        await Capture.FlushAsync(_ct);

        Assert.False(Capture.Confirm("x" + token[1..], webdriver: false));
        _clock.Advance(TimeSpan.FromHours(25));
        Assert.False(Capture.Confirm(token, webdriver: false));
        await Capture.FlushAsync(_ct);

        Assert.False(Assert.Single(await EventsAsync()).Confirmed);
    }

    [Fact]
    public async Task Views_beyond_the_rate_limit_of_one_visitor_are_bots()
    {
        for (var i = 0; i < 5; i++)
        {
            View(Visit());
        }

        await Capture.FlushAsync(_ct);

        Assert.Equal([null, null, null, BotReasons.RateLimit, BotReasons.RateLimit], (await EventsAsync()).Select(v => v.BotReason));
    }

    [Fact]
    public async Task A_full_queue_drops_the_view_instead_of_waiting()
    {
        await using var services = Services(new CaptureOptions { QueueCapacity = 2 });
        var capture = services.GetRequiredService<ListingTrafficCapture>();

        for (var i = 0; i < 3; i++)
        {
            capture.CaptureView(Visit());
        }

        await capture.FlushAsync(_ct);
        Assert.Equal(2, (await EventsAsync()).Count);
    }

    [Fact]
    public async Task A_cta_click_names_its_view_and_buyer()
    {
        var buyer = new OrganisationId(Guid.CreateVersion7());
        var token = View(Visit());
        Capture.RecordCtaClick(ListingCtas.Trial, Product, Seller, token, buyer);
        Capture.RecordCtaClick(ListingCtas.Contact, Product, Seller, "forged", null);
        await Capture.FlushAsync(_ct);

        var events = await EventsAsync();
        var clicks = events.Where(e => e.Name == AnalyticsEventNames.CtaClicked).ToList();
        Assert.Equal(events.Single(e => e.Name == AnalyticsEventNames.ListingView).Id, clicks[0].AttributionViewId);
        Assert.Equal((buyer, "{\"cta\":\"trial\"}"), (clicks[0].BuyerId!.Value, clicks[0].Detail));
        Assert.Null(clicks[1].AttributionViewId);
    }

    [Fact]
    public async Task An_attribution_is_recorded_once_and_only_for_a_valid_token()
    {
        var agreement = new AgreementId(Guid.CreateVersion7());
        var other = new AgreementId(Guid.CreateVersion7());
        var token = View(Visit());
        var later = View(Visit());

        await Capture.RecordAttributionAsync(agreement, token, _ct);
        await Capture.RecordAttributionAsync(agreement, later, _ct);
        await Capture.RecordAttributionAsync(other, "forged", _ct);

        await using var db = Db();
        var attribution = Assert.Single(await db.Set<ListingAttribution>().AsNoTracking().ToListAsync(_ct));
        Assert.Equal(agreement, attribution.AgreementId);
        Assert.Equal(_services.GetRequiredService<ViewToken>().Verify(token, _clock.GetUtcNow()), attribution.ViewId);
    }

    [Fact]
    public async Task Salts_are_made_once_a_day_and_deleted_when_older_than_48_hours()
    {
        var salts = _services.GetRequiredService<VisitorSalts>();
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

        var first = await salts.ForDayAsync(today, _ct);
        Assert.Equal(first, await salts.ForDayAsync(today, _ct));
        Assert.Equal(16, first!.Length);
        Assert.Null(await salts.ForDayAsync(today.AddDays(-2), _ct));

        _clock.Advance(TimeSpan.FromDays(1));
        var second = await salts.ForDayAsync(today.AddDays(1), _ct);
        Assert.NotEqual(first, second);
        await using (var db = Db())
        {
            Assert.Equal(0, await salts.DeleteExpiredAsync(db, _clock.GetUtcNow(), _ct));
        }

        _clock.Advance(TimeSpan.FromDays(1));
        await using (var db = Db())
        {
            Assert.Equal(1, await salts.DeleteExpiredAsync(db, _clock.GetUtcNow(), _ct));
            Assert.Equal([today.AddDays(1)], await db.Set<VisitorSalt>().Select(s => s.Day).ToListAsync(_ct));
        }

        Assert.Null(await salts.ForDayAsync(today, _ct));
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Demo;
using Tradewind.Web.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(TradewindServer))]

namespace Tradewind.Browser.Tests.Infrastructure;

/// <summary>
/// The real web host on a free loopback port (Kestrel, not the in-memory test server), seeded with the demo
/// marketplace on a fresh database, and one headless Chromium shared by every test. The provider follows the
/// environment the test script sets: SQLite in a temporary directory by default; with
/// <c>Database__Provider=Postgres</c>, a new database on the server in <c>ConnectionStrings__Tradewind</c>,
/// dropped afterwards.
/// </summary>
public class TradewindServer : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public TradewindServer()
    {
    }

    /// <summary>A demo marketplace whose "now" is <paramref name="clock"/>: the seed builds its history back from it, and a
    /// test moves it forward (to the next billing run, past a payout hold) without touching the shared server.</summary>
    protected TradewindServer(FakeTimeProvider clock)
    {
        Clock = clock;
    }

    /// <summary>The clock a test may move; null for the shared server, which runs on the system clock.</summary>
    public FakeTimeProvider? Clock { get; }

    public string DemoPassword { get; } = new DemoOptions().Password;

    /// <summary>The server's services, for reading what only the server knows (e.g. the deposits sent to a bank account).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var database = _database = await TestDatabase.CreateAsync();

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("DataDirectory", database.DataDirectory);
            host.UseSetting("Demo:Seed", "true");
            host.UseSetting("Database:Provider", database.Provider.ToString());
            host.UseSetting("ConnectionStrings:Tradewind", database.ConnectionString);
            // Listings are translated English → Spanish through Apertium APY when test.sh runs one; the page is
            // offered in the six languages the storefront tests visit.
            string[] cultures = ["en", "es", "fr", "ja", "ko", "de"];
            for (var i = 0; i < cultures.Length; i++)
            {
                host.UseSetting($"Localization:UiCultures:{i}", cultures[i]);
            }

            if (Clock is { } clock)
            {
                host.ConfigureTestServices(services =>
                {
                    services.AddSingleton(new DemoClock(clock));
                    services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
                });
            }

            if (ApertiumServer.Url is { } apy)
            {
                host.UseSetting("Localization:Translation:Engines:apy:Kind", "Apertium");
                host.UseSetting("Localization:Translation:Engines:apy:Url", apy);
                host.UseSetting("Localization:Translation:Pairs:en-es", "apy");
            }
        });
        // An explicit loopback endpoint on port 0: the OS picks a free port, so parallel runs never collide
        // (UseKestrel(0) leaves Kestrel on its default, 127.0.0.1:5000).
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseAddress = new Uri(addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>The first published demo listing (in catalog order) that <paramref name="match"/> accepts; fails the test when none does.</summary>
    public async Task<ListingDto> PublishedListingAsync(Func<ListingDto, bool> match, string what)
    {
        await using var scope = Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalogQueries>();
        var ct = TestContext.Current.CancellationToken;
        for (var number = 1; ; number++)
        {
            var page = await catalog.ListPublishedAsync(null, new PageRequest(number, PageRequest.MaxSize), ct);
            foreach (var summary in page.Items)
            {
                if (await catalog.FindPublishedBySlugAsync(summary.Slug, ct) is { } listing && match(listing))
                {
                    return listing;
                }
            }

            Assert.True(page.HasNext, $"The demo has no published listing {what}.");
        }
    }

    /// <summary>A fresh browser context (its own cookies) with one page, addressed relative to the server.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "en-US" });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the demo-login button for <paramref name="role"/> on the sign-in page.</summary>
    public async Task<IPage> SignInAsDemoAsync(string role)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");
        var login = DemoSeeder.KnownLogins.Single(l => l.Role == role);
        var entry = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = login.Email });
        await entry.GetByRole(AriaRole.Button).ClickAsync();
        return page;
    }

    /// <summary>Signs a demo user (seller or buyer) in with its e-mail address and the demo password, through the sign-in form.</summary>
    public async Task<IPage> SignInAsync(string emailLocalPart)
    {
        var domain = DemoSeeder.KnownLogins.Single(l => l.Role == Tradewind.Contracts.Accounts.Roles.Buyer).Email.Split('@')[1];
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync($"{emailLocalPart}@{domain}");
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

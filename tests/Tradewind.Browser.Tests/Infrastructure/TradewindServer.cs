using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Web.Demo;

[assembly: AssemblyFixture(typeof(TradewindServer))]

namespace Tradewind.Browser.Tests.Infrastructure;

/// <summary>
/// The real web host on a free loopback port (Kestrel, not the in-memory test server), seeded with the demo
/// marketplace on a fresh database, and one headless Chromium shared by every test. The provider follows the
/// environment the test script sets: SQLite in a temporary directory by default; with
/// <c>Database__Provider=Postgres</c>, a new database on the server in <c>ConnectionStrings__Tradewind</c>,
/// dropped afterwards.
/// </summary>
public sealed class TradewindServer : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tradewind-browser", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private string? _adminConnectionString;
    private string? _databaseName;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string DemoPassword { get; } = new DemoOptions().Password;

    /// <summary>The server's services, for reading what only the server knows (e.g. the deposits sent to a bank account).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var connectionString = await CreatePostgresDatabaseIfConfiguredAsync();

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("DataDirectory", _dataDirectory);
            host.UseSetting("Demo:Seed", "true");
            if (connectionString is not null)
            {
                host.UseSetting("Database:Provider", "Postgres");
                host.UseSetting("ConnectionStrings:Tradewind", connectionString);
            }
        });
        _factory.UseKestrel(0);
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

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled SQLite connection; the OS cleans the temporary directory.
        }
    }

    private async Task<string?> CreatePostgresDatabaseIfConfiguredAsync()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("Database__Provider"), "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Tradewind")
            ?? throw new InvalidOperationException("Database__Provider is Postgres but ConnectionStrings__Tradewind is not set.");
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        _databaseName = $"tw_browser_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        _adminConnectionString = admin.ConnectionString;
        return new NpgsqlConnectionStringBuilder(server) { Database = _databaseName }.ConnectionString;
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Demo;
using Tradewind.Web.Hosting;

namespace Tradewind.BillingBench;

/// <summary>
/// Prepares the billed month: the app's migrations; through the modules' own commands the operator's issuing entities and
/// exchange rates, two sellers (US and DE) with seven published plans (per unit with free units, graduated, volume,
/// package, two dimensions, and a twelve-month contract paid in installments with overage), and N buyers in nine countries
/// (some invoiced in EUR or JPY, some German businesses with a VAT id), each subscribed to one plan at the start of the
/// month before this one. Then it inserts the month's usage records in bulk (<see cref="UsageLoader"/>) and keeps an
/// untouched copy that every run starts from.
/// </summary>
internal static class Prepare
{
    private const string Actor = "system:billing-bench";

    /// <summary>EUR reference rates (the test fixture's), in force from the day before the billed month.</summary>
    private static readonly (string Quote, decimal Rate)[] Rates = [("USD", 1.10m), ("INR", 92.40m), ("JPY", 165m), ("GBP", 0.85m), ("AUD", 1.65m), ("KRW", 1540m)];

    /// <summary>Who buys: country, subdivision, postal address, invoice currency, language, VAT id (a business buyer).</summary>
    private static readonly BuyerShape[] Buyers =
    [
        new("US", "US-NY", new("350 Fifth Avenue", null, "New York", "10118", "US-NY", "US"), "USD", "en", null),
        new("US", "US-CA", new("1 Market Street", null, "San Francisco", "94105", "US-CA", "US"), "USD", "en", null),
        new("US", "US-TX", new("600 Congress Avenue", null, "Austin", "78701", "US-TX", "US"), "USD", "en", null),
        new("US", "US-WA", new("400 Broad Street", null, "Seattle", "98109", "US-WA", "US"), "USD", "en", null),
        new("US", "US-NY", new("11 Wall Street", null, "New York", "10005", "US-NY", "US"), "EUR", "en", null),
        new("DE", null, new("Friedrichstraße 68", null, "Berlin", "10117", null, "DE"), "EUR", "de", null),
        new("DE", null, new("Maximilianstraße 1", null, "München", "80539", null, "DE"), "EUR", "de", "DE136695976"),
        new("FR", null, new("5 Rue de la Paix", null, "Paris", "75002", null, "FR"), "EUR", "fr", null),
        new("GB", null, new("10 Downing Street", null, "London", "SW1A 2AA", null, "GB"), "USD", "en", null),
        new("JP", null, new("1-1-1 Marunouchi", "Chiyoda-ku", "Tokyo", "100-0005", null, "JP"), "JPY", "ja", null),
        new("IN", "IN-KA", new("80 Feet Road", null, "Bengaluru", "560034", "IN-KA", "IN"), "USD", "en", null),
        new("AU", null, new("100 Collins Street", null, "Melbourne", "3000", null, "AU"), "USD", "en", null),
        new("KR", null, new("152 Teheran-ro", "Gangnam-gu", "Seoul", "06236", null, "KR"), "USD", "ko", null),
    ];

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var provider = options.Required("provider").ToLowerInvariant();
        var dataDirectory = Path.GetFullPath(options.Required("data-dir"));
        var agreementCount = options.Int("agreements", 10_000);
        var recordCount = options.Int("records", 1_000_000);
        var output = Path.GetFullPath(options.Required("out"));
        Directory.CreateDirectory(dataDirectory);
        var connection = provider switch
        {
            "sqlite" => options.Optional("connection") ?? $"Data Source={Path.Combine(dataDirectory, "tradewind.db")}",
            "postgres" => options.Required("connection"),
            _ => throw new ArgumentException("--provider is sqlite or postgres."),
        };

        // The billed month is the last one that ended: a run as of the 1st of this month bills it.
        var today = TimeProvider.System.GetUtcNow();
        var asOf = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var month = asOf.AddMonths(-1);
        var clock = new RunningClock(month.AddHours(1));
        var started = Stopwatch.GetTimestamp();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(Settings(provider, connection, dataDirectory));
        builder.AddTradewind();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Logging.ClearProviders();

        List<BenchAgreement> agreements;
        double castSeconds;
        await using (var app = builder.Build())
        {
            await app.InitializeTradewindAsync(cancellationToken);
            agreements = await CreateCastAsync(app.Services, agreementCount, month, cancellationToken);
            castSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        var loadStarted = Stopwatch.GetTimestamp();
        var manifest = new Manifest(provider, connection, "", dataDirectory, month, asOf, agreements.Count, recordCount);
        var written = await UsageLoader.LoadAsync(manifest, agreements, recordCount, cancellationToken);
        var loadSeconds = Stopwatch.GetElapsedTime(loadStarted).TotalSeconds;

        var template = provider == "sqlite"
            ? await CopySqliteAsync(connection, dataDirectory)
            : await CreatePostgresTemplateAsync(connection, cancellationToken);
        manifest = manifest with { TemplateConnectionString = template, Records = written };
        manifest.Save(output);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"prepared {agreements.Count} agreements in {castSeconds:F1} s and {written} usage records in {loadSeconds:F1} s; manifest {output}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"command":"prepare","provider":"{{provider}}","agreements":{{agreements.Count}},"records":{{written}},"castSeconds":{{castSeconds:F1}},"usageSeconds":{{loadSeconds:F1}},"seconds":{{seconds:F1}}}"""));
        return 0;
    }

    public static Dictionary<string, string?> Settings(string provider, string connection, string dataDirectory) => new()
    {
        ["Database:Provider"] = provider == "sqlite" ? "Sqlite" : "Postgres",
        ["ConnectionStrings:Tradewind"] = connection,
        ["DataDirectory"] = dataDirectory,
        ["Demo:Seed"] = "false",
        ["Outbox:Enabled"] = "false",
        ["Webhooks:Delivery:Enabled"] = "false",
        ["Billing:Job:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static async Task<List<BenchAgreement>> CreateCastAsync(IServiceProvider root, int count, DateTimeOffset month, CancellationToken ct)
    {
        List<PublishedPlan> plans;
        await using (var scope = root.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var accounts = services.GetRequiredService<IAccountsCommands>();
            var operatorOrg = await accounts.CreateOrganisationAsync(new NewOrganisation("Bench Marketplace", OrganisationKind.Operator, "US", "US-DE"), Actor, ct);
            foreach (var entity in DemoSeeder.OperatorEntities)
            {
                await accounts.CreateOperatorEntityAsync(entity, Actor, ct);
            }

            var rates = services.GetRequiredService<IExchangeRateCommands>();
            foreach (var (quote, rate) in Rates)
            {
                await rates.SetOverrideAsync(new NewRateOverride("EUR", quote, DateOnly.FromDateTime(month.UtcDateTime).AddDays(-1), rate), Actor, ct);
            }

            var catalog = services.GetRequiredService<ICatalogCommands>();
            await catalog.CreateCategoryAsync(new NewCategory("observability", "Observability", "DevOps"), ct);
            var usSeller = await accounts.CreateOrganisationAsync(new NewOrganisation("Bench Analytics Inc.", OrganisationKind.Seller, "US", "US-WA"), Actor, ct);
            var deSeller = await accounts.CreateOrganisationAsync(new NewOrganisation("Bench Software GmbH", OrganisationKind.Seller, "DE"), Actor, ct);
            var operatorCaller = new CatalogCaller(operatorOrg.Id, IsOperator: true, Actor);
            plans = [];
            foreach (var (shape, index) in BenchPlans.All.Select((p, i) => (p, i)))
            {
                var seller = index % 2 == 0 ? usSeller : deSeller;
                var caller = new CatalogCaller(seller.Id, IsOperator: false, Actor);
                var product = await catalog.CreateProductAsync(
                    new ListingInput(
                        $"Bench {shape.Title}", $"{shape.Title}, billed monthly.", $"A product priced as {shape.Title.ToLowerInvariant()}.",
                        null, ["observability"], null, new SupportContact("support@bench.example", "https://bench.example/support"),
                        "https://bench.example/signup", Availability.Everywhere, Licence.Standard),
                    caller, seller.Name, ct);
                await catalog.UploadMediaAsync(product.Id, MediaKind.Logo, DemoLogo.SolidPng(40, 90, 160), caller, ct);
                var plan = await catalog.CreatePlanAsync(product.Id, shape.Terms, caller, ct);
                await catalog.SubmitAsync(product.Id, caller, ct);
                await catalog.ApproveAsync(product.Id, operatorCaller, ct);
                plans.Add(new PublishedPlan(shape, product.Id, plan.Id, seller.Id));
            }
        }

        var agreements = new List<BenchAgreement>(count);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            // A scope per buyer keeps the change tracker small.
            await using var scope = root.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<IAccountsCommands>();
            var commands = scope.ServiceProvider.GetRequiredService<IAgreementsCommands>();
            var shape = Buyers[i % Buyers.Length];
            var buyer = await accounts.CreateOrganisationAsync(
                new NewOrganisation(string.Create(CultureInfo.InvariantCulture, $"Bench Buyer {i:D5}"), OrganisationKind.Buyer, shape.Country, shape.Subdivision), Actor, ct);
            await accounts.UpdateBuyerProfileAsync(buyer.Id, new BuyerProfileInput(shape.Address, shape.TaxId, shape.Currency, shape.Language, "UTC"), Actor, ct);
            var plan = plans[BenchPlans.PlanFor(i)];
            var subscription = await commands.SubscribeAsync(
                new SubscribeRequest(plan.ProductId, plan.PlanId, StandardContract.CurrentVersion, shape.Language),
                new AgreementsCaller(buyer.Id, Roles.Buyer, Actor),
                ct);
            var agreement = subscription.Agreement;
            agreements.Add(new BenchAgreement(agreement.Id.Value, buyer.Id.Value, plan.SellerId.Value, plan.ProductId.Value, agreement.CustomerIdentifier, BenchPlans.PlanFor(i)));
            if ((i + 1) % 1000 == 0)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {i + 1} buyers subscribed ({(i + 1) / Stopwatch.GetElapsedTime(started).TotalSeconds:F0}/s)"));
            }
        }

        return agreements;
    }

    private static async Task<string> CopySqliteAsync(string connection, string dataDirectory)
    {
        await using (var db = new SqliteConnection(connection))
        {
            await db.OpenAsync();
            await using var checkpoint = db.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var source = new SqliteConnectionStringBuilder(connection).DataSource;
        var template = Path.Combine(dataDirectory, "template.db");
        File.Copy(source, template, overwrite: true);
        return $"Data Source={template}";
    }

    private static async Task<string> CreatePostgresTemplateAsync(string connection, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var database = builder.Database ?? throw new ArgumentException("The PostgreSQL connection string names no Database.");
        var template = database + "_template";
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(ct);
        await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)", ct);
        await Sql.ExecuteAsync(admin, $"CREATE DATABASE \"{template}\" TEMPLATE \"{database}\"", ct);
        return new NpgsqlConnectionStringBuilder(connection) { Database = template }.ConnectionString;
    }

    private sealed record BuyerShape(string Country, string? Subdivision, PostalAddress Address, string Currency, string Language, string? TaxId);

    private sealed record PublishedPlan(BenchPlan Shape, ProductId ProductId, PlanId PlanId, OrganisationId SellerId);
}

/// <summary>A clock that starts at a fixed instant and runs at the system's pace.</summary>
internal sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_started);
}

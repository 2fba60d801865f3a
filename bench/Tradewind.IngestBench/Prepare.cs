using System.Diagnostics;
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
using Tradewind.Web.Demo;
using Tradewind.Web.Hosting;

namespace Tradewind.IngestBench;

/// <summary>
/// Creates the schema with the app's migrations and the cast through the modules' own commands: an operator, one seller
/// with an API key and an AWS access key, one published product with a usage plan of 24 dimensions (AWS's maximum), and
/// N buyers subscribed to it. It all happens <see cref="ClockOffset"/> in the past, so the agreements were in force for
/// every hour the drivers report. Then it keeps an untouched copy for the baseline and writes the manifest.
/// </summary>
internal static class Prepare
{
    private const string Actor = "system:ingest-bench";

    /// <summary>How far back the preparation's clock runs; REST keys use hours in that span (RestMaxAge must cover it).</summary>
    public static readonly TimeSpan ClockOffset = TimeSpan.FromDays(10);

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var provider = options.Required("provider").ToLowerInvariant();
        var dataDirectory = Path.GetFullPath(options.Required("data-dir"));
        var customers = options.Int("customers", 5000);
        var output = Path.GetFullPath(options.Required("out"));
        Directory.CreateDirectory(dataDirectory);
        var connection = provider switch
        {
            "sqlite" => options.Optional("connection") ?? $"Data Source={Path.Combine(dataDirectory, "tradewind.db")}",
            "postgres" => options.Required("connection"),
            _ => throw new ArgumentException("--provider is sqlite or postgres."),
        };

        var clock = new OffsetClock(ClockOffset);
        var started = Stopwatch.GetTimestamp();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == "sqlite" ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Tradewind"] = connection,
            ["DataDirectory"] = dataDirectory,
            ["Demo:Seed"] = "false",
            ["Outbox:Enabled"] = "false",
            ["Webhooks:Delivery:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddTradewind();
        builder.Services.AddSingleton<TimeProvider>(clock);
        // Stdout carries the command's result line only; failures surface as exceptions.
        builder.Logging.ClearProviders();

        Manifest manifest;
        await using (var app = builder.Build())
        {
            await app.InitializeTradewindAsync(cancellationToken);
            manifest = await CreateCastAsync(app.Services, provider, connection, dataDirectory, customers, clock, cancellationToken);
        }

        var template = provider == "sqlite"
            ? await CopySqliteAsync(connection, dataDirectory)
            : await CreatePostgresTemplateAsync(connection, cancellationToken);
        manifest = manifest with { TemplateConnectionString = template };
        manifest.Save(output);
        File.Delete(BenchState.PathFor(output));
        await Console.Error.WriteLineAsync($"prepared {customers} customers in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; manifest {output}");
        Console.WriteLine($$"""{"command":"prepare","provider":"{{provider}}","customers":{{customers}},"seconds":{{Stopwatch.GetElapsedTime(started).TotalSeconds:F1}}}""");
        return 0;
    }

    private static async Task<Manifest> CreateCastAsync(
        IServiceProvider root, string provider, string connection, string dataDirectory, int customerCount, TimeProvider clock, CancellationToken ct)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var accounts = services.GetRequiredService<IAccountsCommands>();
        var catalog = services.GetRequiredService<ICatalogCommands>();

        var operatorOrg = await accounts.CreateOrganisationAsync(new NewOrganisation("Bench Marketplace", OrganisationKind.Operator, "US", "US-DE"), Actor, ct);
        var seller = await accounts.CreateOrganisationAsync(new NewOrganisation("Bench Metered Software GmbH", OrganisationKind.Seller, "DE"), Actor, ct);
        var apiKey = await accounts.IssueApiKeyAsync(seller.Id, "ingest bench", Actor, ct);
        var awsKey = await accounts.CreateAwsAccessKeyAsync(seller.Id, "ingest bench", null, Actor, ct);

        await catalog.CreateCategoryAsync(new NewCategory("observability", "Observability", "DevOps"), ct);
        var sellerCaller = new CatalogCaller(seller.Id, IsOperator: false, Actor);
        var product = await catalog.CreateProductAsync(
            new ListingInput(
                "Bench Metered API", "An API metered in 24 dimensions.", "Every call, byte and second counts, in 24 dimensions.",
                null, ["observability"], null, new SupportContact("support@bench.example", "https://bench.example/support"),
                "https://bench.example/signup", Availability.Everywhere, Licence.Standard),
            sellerCaller, seller.Name, ct);
        await catalog.UploadMediaAsync(product.Id, MediaKind.Logo, DemoLogo.SolidPng(40, 90, 160), sellerCaller, ct);
        var dimensions = Enumerable.Range(0, 24).Select(i => $"dim_{i:D2}").ToList();
        var plan = await catalog.CreatePlanAsync(
            product.Id,
            new PlanTerms("Metered", "Pay per unit in every dimension.", null, null,
                [.. dimensions.Select(d => new UsageDimension(d, $"Dimension {d[4..]}", "unit", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.001")))], null),
            sellerCaller, ct);
        await catalog.SubmitAsync(product.Id, sellerCaller, ct);
        await catalog.ApproveAsync(product.Id, new CatalogCaller(operatorOrg.Id, IsOperator: true, Actor), ct);

        var agreements = services.GetRequiredService<IAgreementsCommands>();
        var customers = new List<BenchCustomer>(customerCount);
        string? productCode = null;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < customerCount; i++)
        {
            // A scope per buyer keeps the change tracker small.
            await using var buyerScope = root.CreateAsyncScope();
            var buyerAccounts = buyerScope.ServiceProvider.GetRequiredService<IAccountsCommands>();
            var buyerAgreements = buyerScope.ServiceProvider.GetRequiredService<IAgreementsCommands>();
            var buyer = await buyerAccounts.CreateOrganisationAsync(new NewOrganisation($"Bench Buyer {i:D5}", OrganisationKind.Buyer, "US", "US-NY"), Actor, ct);
            var subscription = await buyerAgreements.SubscribeAsync(
                new SubscribeRequest(product.Id, plan.Id, StandardContract.CurrentVersion, "en"),
                new AgreementsCaller(buyer.Id, Roles.Buyer, Actor),
                ct);
            productCode ??= subscription.Agreement.ProductCode;
            customers.Add(new BenchCustomer(subscription.Agreement.CustomerIdentifier, subscription.Agreement.Id.Value, buyer.Id.Value));
            if ((i + 1) % 500 == 0)
            {
                await Console.Error.WriteLineAsync($"  {i + 1} buyers subscribed ({(i + 1) / Stopwatch.GetElapsedTime(started).TotalSeconds:F0}/s)");
            }
        }

        _ = agreements;
        var now = TimeProvider.System.GetUtcNow();
        var currentHour = TruncateToHour(now);
        var prepared = TruncateToHour(clock.GetUtcNow()).AddHours(1);
        return new Manifest(
            provider, connection, "", dataDirectory, seller.Id.Value, product.Id.Value, productCode ?? "", apiKey.Secret,
            awsKey.Key.AccessKeyId, awsKey.SecretAccessKey, dimensions, customers, (int)ClockOffset.TotalHours,
            RestFirstHour: currentHour.AddHours(-26),
            RestLastHour: prepared,
            BatchFirstHour: currentHour.AddHours(-22),
            PreparedAt: now);
    }

    public static DateTimeOffset TruncateToHour(DateTimeOffset instant) =>
        new(instant.UtcDateTime.Year, instant.UtcDateTime.Month, instant.UtcDateTime.Day, instant.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

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
}

/// <summary>The system clock moved back by a fixed span.</summary>
internal sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - offset;
}

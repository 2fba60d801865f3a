using System.Text.Json;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;

namespace Tradewind.Web.Demo;

public sealed class DemoOptions
{
    /// <summary>Seed the demo marketplace when the database is empty.</summary>
    public bool Seed { get; set; }

    /// <summary>The password of every demo login. Demo data only: never turn demo seeding on in production.</summary>
    public string Password { get; set; } = "Tradewind-demo-2026";

    /// <summary>The address written to demo-credentials.json; defaults to the first configured URL.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>
/// Fills an empty database with a believable marketplace: the operator and its legal entities, sellers with
/// listings, buyers around the world, and known logins. It writes <c>demo-credentials.json</c> in the data
/// directory so scripts and people can find the logins and an operator API key.
/// </summary>
internal sealed partial class DemoSeeder(
    IOptions<DemoOptions> options,
    IConfiguration configuration,
    IAccountsQueries accountsQueries,
    IAccountsCommands accounts,
    ICatalogCommands catalog,
    IExchangeRateCommands exchangeRates,
    DatabaseSettings database,
    ILogger<DemoSeeder> logger)
{
    public const string CredentialsFileName = "demo-credentials.json";
    private const string Actor = "system:demo-seed";
    private const string EmailDomain = "demo.tradewind.example";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static readonly IReadOnlyList<NewOperatorEntity> OperatorEntities =
    [
        new("Tradewind Marketplace, Inc.", "US", "USD", "EIN 88-1234567", "United States and every country without a local entity"),
        new("Tradewind Marketplace Europe S.à r.l.", "LU", "EUR", "VAT LU31234567", "European Union, EEA and Switzerland"),
        new("Tradewind Marketplace UK Ltd", "GB", "GBP", "VAT GB123456789", "United Kingdom"),
        new("Tradewind India Private Limited", "IN", "INR", "GSTIN 29ABCDE1234F1Z5", "India"),
        new("Tradewind Australia Pty Ltd", "AU", "AUD", "ABN 51 824 753 556", "Australia and New Zealand"),
        new("Tradewind Japan G.K.", "JP", "JPY", "T1234567890123", "Japan"),
        new("Tradewind Korea LLC", "KR", "KRW", "BRN 123-45-67890", "Republic of Korea"),
    ];

    /// <summary>The logins the sign-in page offers in demo mode: one per role.</summary>
    public static IReadOnlyList<(string Role, string Email, string Name, string Organisation)> KnownLogins { get; } =
    [
        (Roles.Operator, $"operator@{EmailDomain}", "Morgan Reyes", "Tradewind Marketplace"),
        (Roles.Seller, $"{DemoCatalog.Sellers[0].EmailLocalPart}@{EmailDomain}", DemoCatalog.Sellers[0].ContactName, DemoCatalog.Sellers[0].Name),
        (Roles.Buyer, $"{DemoCatalog.Buyers[0].EmailLocalPart}@{EmailDomain}", DemoCatalog.Buyers[0].ContactName, DemoCatalog.Buyers[0].Name),
    ];

    public async Task SeedIfRequestedAsync(ICollection<string> urls, CancellationToken cancellationToken)
    {
        if (!options.Value.Seed || await accountsQueries.AnyOrganisationAsync(cancellationToken))
        {
            return;
        }

        LogSeeding(logger);
        var password = options.Value.Password;

        var operatorOrg = await accounts.CreateOrganisationAsync(new NewOrganisation("Tradewind Marketplace", OrganisationKind.Operator, "US", "US-DE"), Actor, cancellationToken);
        var operatorUser = await accounts.CreateUserAsync(new NewUser(operatorOrg.Id, $"operator@{EmailDomain}", "Morgan Reyes", password), Actor, cancellationToken);
        foreach (var entity in OperatorEntities)
        {
            await accounts.CreateOperatorEntityAsync(entity, Actor, cancellationToken);
        }

        var operatorKey = await accounts.IssueApiKeyAsync(operatorOrg.Id, "demo operator key", Actor, cancellationToken);

        foreach (var category in DemoCatalog.Categories)
        {
            await catalog.CreateCategoryAsync(new NewCategory(category.Slug, category.Name, category.Group), cancellationToken);
        }

        UserDto? firstSeller = null;
        IssuedApiKey? sellerKey = null;
        foreach (var seller in DemoCatalog.Sellers)
        {
            var org = await accounts.CreateOrganisationAsync(new NewOrganisation(seller.Name, OrganisationKind.Seller, seller.CountryCode, seller.SubdivisionCode), Actor, cancellationToken);
            var user = await accounts.CreateUserAsync(new NewUser(org.Id, $"{seller.EmailLocalPart}@{EmailDomain}", seller.ContactName, password), Actor, cancellationToken);
            if (firstSeller is null)
            {
                firstSeller = user;
                sellerKey = await accounts.IssueApiKeyAsync(org.Id, "demo metering key", Actor, cancellationToken);
            }

            foreach (var product in seller.Products)
            {
                await catalog.CreateListingAsync(
                    new NewListing(org.Id, org.Name, product.Title, product.ShortDescription, product.LongDescription, product.CategorySlug, Publish: true),
                    cancellationToken);
            }
        }

        UserDto? firstBuyer = null;
        foreach (var buyer in DemoCatalog.Buyers)
        {
            var org = await accounts.CreateOrganisationAsync(new NewOrganisation(buyer.Name, OrganisationKind.Buyer, buyer.CountryCode, buyer.SubdivisionCode), Actor, cancellationToken);
            var user = await accounts.CreateUserAsync(new NewUser(org.Id, $"{buyer.EmailLocalPart}@{EmailDomain}", buyer.ContactName, password), Actor, cancellationToken);
            firstBuyer ??= user;
        }

        await SeedExchangeRatesAsync(cancellationToken);

        var baseUrl = options.Value.BaseUrl
            ?? urls.FirstOrDefault()
            ?? configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? "http://localhost:5080";
        var credentials = new DemoCredentials(
            baseUrl,
            operatorKey.Secret,
            new Dictionary<string, DemoLogin>(StringComparer.Ordinal)
            {
                [Roles.Operator] = new(operatorUser.Email, password, operatorUser.DisplayName, operatorOrg.Name),
                [Roles.Seller] = new(firstSeller!.Email, password, firstSeller.DisplayName, DemoCatalog.Sellers[0].Name),
                [Roles.Buyer] = new(firstBuyer!.Email, password, firstBuyer.DisplayName, DemoCatalog.Buyers[0].Name),
            },
            new Dictionary<string, string>(StringComparer.Ordinal) { [Roles.Seller] = sellerKey!.Secret });
        Directory.CreateDirectory(database.DataDirectory);
        var path = Path.Combine(database.DataDirectory, CredentialsFileName);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(credentials, JsonOptions), cancellationToken);
        var listings = DemoCatalog.Sellers.Sum(s => s.Products.Count);
        LogSeeded(logger, DemoCatalog.Sellers.Count, listings, DemoCatalog.Buyers.Count, path);
    }

    /// <summary>Two weeks of ECB reference rates (a snapshot in the ECB's own format), so conversions work at once.</summary>
    private async Task SeedExchangeRatesAsync(CancellationToken cancellationToken)
    {
        await using var snapshot = DemoExchangeRates.Open();
        await exchangeRates.ImportEcbAsync(snapshot, DemoExchangeRates.FileName, Actor, cancellationToken);
    }

    /// <summary>What demo-credentials.json holds. Later features add their own entries (keys, product codes).</summary>
    internal sealed record DemoCredentials(
        string BaseUrl,
        string OperatorApiKey,
        IReadOnlyDictionary<string, DemoLogin> Logins,
        IReadOnlyDictionary<string, string> ApiKeys);

    internal sealed record DemoLogin(string Email, string Password, string Name, string Organisation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding the demo marketplace")]
    private static partial void LogSeeding(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo marketplace ready: {Sellers} sellers, {Listings} listings, {Buyers} buyers; logins in {Path}")]
    private static partial void LogSeeded(ILogger logger, int sellers, int listings, int buyers, string path);
}

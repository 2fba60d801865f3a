using System.Text.Json;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Payments;
using Tradewind.Contracts.Tax;
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
    ITaxQuotes taxQuotes,
    TimeProvider clock,
    DatabaseSettings database,
    IServiceProvider services,
    ILogger<DemoSeeder> logger)
{
    public const string CredentialsFileName = "demo-credentials.json";
    private const string Actor = "system:demo-seed";
    private const string EmailDomain = "demo.tradewind.example";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// The operator's entities after AWS Marketplace's pattern (aws-marketplace.md §10): a US entity for the rest of
    /// the world, an EU entity in Luxembourg for EMEA (which covers the United Kingdom, so there is no UK entity), and
    /// local entities for India, Australia, Japan and Korea.
    /// </summary>
    public static readonly IReadOnlyList<NewOperatorEntity> OperatorEntities =
    [
        new(
            "US", "Tradewind Marketplace, Inc.", "US", new("1209 Orange Street", null, "Wilmington", "19801", "DE", "US"), "USD", ["USD"],
            [new("US", null, "12-3456789"), new("US", "US-NY", "NY-71-123456"), new("US", "US-TX", "TX-32-098765")],
            new("US-", 1),
            [new("US", "USD", "Tradewind Marketplace, Inc.", null, "123456789", null, "021000021")],
            "Every buyer no other entity serves: the Americas, the rest of Asia-Pacific, Turkey, South Africa",
            // GLNs under 0614141, the GS1 company prefix reserved for examples (see docs/billing.md § Documents).
            "0088:0614141000012"),
        new(
            "EU", "Tradewind Marketplace Europe S.à r.l.", "LU", new("38 Avenue John F. Kennedy", null, "Luxembourg", "L-1855", null, "LU"), "EUR", ["EUR", "GBP", "USD"],
            [new("LU", null, "LU10000356"), new("GB", null, "GB 100 1950 75"), new("NO", null, "NO 965 920 358 MVA")],
            new("EU-", 1),
            [new("LU", "EUR", "Tradewind Marketplace Europe S.à r.l.", "LU28 0019 4006 4475 0000", null, null, null)],
            "EMEA except Turkey and South Africa, for EMEA-eligible sellers",
            null,
            // A Luxembourg creditor identifier with valid check digits (EPC262-08); collects the demo's SEPA direct debits.
            "LU87ZZZ0000000000000000123"),
        new(
            "IN", "Tradewind India Private Limited", "IN", new("Level 9, Prestige Tower", "Residency Road", "Mumbai", "400001", "IN-MH", "IN"), "INR", ["INR"],
            [new("IN", null, "27AAPFU0939F1ZV")],
            new("IN-", 1),
            [new("IN", "INR", "Tradewind India Private Limited", null, "50100012345678", null, "HDFC0000001")],
            "Buyers in India buying from sellers in India",
            "0088:0614141000029"),
        new(
            "AU", "Tradewind Australia Pty Ltd", "AU", new("1 Martin Place", null, "Sydney", "2000", "NSW", "AU"), "AUD", ["AUD"],
            [new("AU", null, "51 824 753 556")],
            new("AU-", 1),
            [new("AU", "AUD", "Tradewind Australia Pty Ltd", null, "12345678", null, "062-000")],
            "Australia"),
        new(
            "JP", "Tradewind Japan G.K.", "JP", new("1-1-1 Marunouchi", "Chiyoda-ku", "Tokyo", "100-0005", null, "JP"), "JPY", ["JPY"],
            [new("JP", null, "T5835678256246")],
            new("JP-", 1),
            [new("JP", "JPY", "Tradewind Japan G.K.", null, "1234567", null, "0001-001")],
            "Japan"),
        new(
            "KR", "Tradewind Korea LLC", "KR", new("152 Teheran-ro", "Gangnam-gu", "Seoul", "06236", null, "KR"), "KRW", ["KRW"],
            [new("KR", null, "116-82-00276")],
            new("KR-", 1),
            null,
            "Republic of Korea",
            "0088:0614141000036"),
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
        if (!options.Value.Seed)
        {
            return;
        }

        if (await accountsQueries.AnyOrganisationAsync(cancellationToken))
        {
            await RefreshAwsExampleAsync(cancellationToken);
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
        IssuedAwsAccessKey? sellerAwsKey = null;
        var operatorCaller = new CatalogCaller(operatorOrg.Id, IsOperator: true, Actor);
        var productIndex = 0;
        for (var sellerIndex = 0; sellerIndex < DemoCatalog.Sellers.Count; sellerIndex++)
        {
            var seller = DemoCatalog.Sellers[sellerIndex];
            var org = await accounts.CreateOrganisationAsync(new NewOrganisation(seller.Name, OrganisationKind.Seller, seller.CountryCode, seller.SubdivisionCode), Actor, cancellationToken);
            var user = await accounts.CreateUserAsync(new NewUser(org.Id, $"{seller.EmailLocalPart}@{EmailDomain}", seller.ContactName, password), Actor, cancellationToken);
            if (firstSeller is null)
            {
                firstSeller = user;
                sellerKey = await accounts.IssueApiKeyAsync(org.Id, "demo metering key", Actor, cancellationToken);
                sellerAwsKey = await SeedAwsAccessKeyAsync(org.Id, cancellationToken);
            }

            var logo = DemoLogo.SolidPng((byte)(40 + (sellerIndex * 53 % 180)), (byte)(60 + (sellerIndex * 97 % 160)), (byte)(90 + (sellerIndex * 31 % 150)));
            var sellerCaller = new CatalogCaller(org.Id, IsOperator: false, Actor);
            foreach (var product in seller.Products)
            {
                await SeedProductAsync(seller, product, productIndex++, org, logo, sellerCaller, operatorCaller, cancellationToken);
            }
        }

        await SeedSellerEntitiesAndPayoutsAsync(cancellationToken);
        await SeedTaxAsync(cancellationToken);

        UserDto? firstBuyer = null;
        var buyers = new List<(OrganisationDto, UserDto)>();
        foreach (var buyer in DemoCatalog.Buyers)
        {
            var org = await accounts.CreateOrganisationAsync(new NewOrganisation(buyer.Name, OrganisationKind.Buyer, buyer.CountryCode, buyer.SubdivisionCode), Actor, cancellationToken);
            var user = await accounts.CreateUserAsync(new NewUser(org.Id, $"{buyer.EmailLocalPart}@{EmailDomain}", buyer.ContactName, password), Actor, cancellationToken);
            firstBuyer ??= user;
            buyers.Add((org, user));
        }

        await accounts.UpdateBuyerProfileAsync(
            buyers[0].Item1.Id,
            new BuyerProfileInput(new PostalAddress("Industriestraße 12", null, "Stuttgart", "70565", null, "DE"), "DE136695976", "EUR", "de", "Europe/Berlin"),
            Actor,
            cancellationToken);
        // Before the other subscriptions: the usage history needs its buyers' agreements on the first seller's products.
        await SeedUsageAsync(firstSeller!.OrganisationId, buyers, cancellationToken);
        await SeedDirectDebitCustomerAsync(buyers, cancellationToken);
        await SeedAgreementsAsync(buyers, cancellationToken);
        await SeedPrivateOffersAsync(buyers, cancellationToken);

        await SeedExchangeRatesAsync(cancellationToken);
        await SeedBillingAsync(operatorOrg.Id, buyers, cancellationToken);
        await SeedBankCollectionsAsync(operatorOrg.Id, buyers, cancellationToken);
        await SeedPayoutsAsync(cancellationToken);
        await SeedAnalyticsAsync(operatorOrg.Id, buyers, cancellationToken);
        var awsExample = await PrepareAwsExampleAsync(firstSeller!.OrganisationId, cancellationToken);

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
            new Dictionary<string, string>(StringComparer.Ordinal) { [Roles.Seller] = sellerKey!.Secret },
            sellerAwsKey!.Key.AccessKeyId,
            sellerAwsKey.SecretAccessKey);
        var path = await WriteCredentialsAsync(WithExample(credentials, awsExample), cancellationToken);
        var listings = DemoCatalog.Sellers.Sum(s => s.Products.Count);
        LogSeeded(logger, DemoCatalog.Sellers.Count, listings, DemoCatalog.Buyers.Count, path);
    }

    /// <summary>Two weeks of ECB reference rates (a snapshot in the ECB's own format), so conversions work at once.</summary>
    private async Task SeedExchangeRatesAsync(CancellationToken cancellationToken)
    {
        await using var snapshot = DemoExchangeRates.Open();
        await exchangeRates.ImportEcbAsync(snapshot, DemoExchangeRates.FileName, Actor, cancellationToken);
    }

    /// <summary>
    /// One listing through the real path: draft, logo, plans, submit, approve. A few stay in the review queue (two new
    /// products, one published product with a submitted edit) and one published product has its latest edit rejected.
    /// </summary>
    private async Task SeedProductAsync(
        DemoSeller seller, DemoProduct product, int index, OrganisationDto org, byte[] logo, CatalogCaller sellerCaller, CatalogCaller operatorCaller, CancellationToken cancellationToken)
    {
        var input = DemoListing(seller, product, index);
        var created = await catalog.CreateProductAsync(input, sellerCaller, org.Name, cancellationToken);
        await catalog.UploadMediaAsync(created.Id, MediaKind.Logo, logo, sellerCaller, cancellationToken);
        foreach (var plan in DemoPlans.For(index))
        {
            await catalog.CreatePlanAsync(created.Id, plan, sellerCaller, cancellationToken);
        }

        await catalog.SubmitAsync(created.Id, sellerCaller, cancellationToken);
        if (index is NewInReview1 or NewInReview2)
        {
            return;
        }

        await catalog.ApproveAsync(created.Id, operatorCaller, cancellationToken);
        if (index is EditInReview or EditRejected)
        {
            var edited = input with { Highlights = [.. (input.Highlights ?? []).Take(2), "Single sign-on with SAML and OpenID Connect on every plan"] };
            await catalog.UpdateProductAsync(created.Id, edited, sellerCaller, cancellationToken);
            await catalog.SubmitAsync(created.Id, sellerCaller, cancellationToken);
            if (index == EditRejected)
            {
                await catalog.RejectAsync(created.Id, "Single sign-on is not in the fulfilment flow yet; resubmit when buyers can use it.", operatorCaller, cancellationToken);
            }
        }
    }

    private const int NewInReview1 = 13;
    private const int NewInReview2 = 27;
    private const int EditInReview = 41;
    private const int EditRejected = 20;

    private static ListingInput DemoListing(DemoSeller seller, DemoProduct product, int index)
    {
        var highlights = product.LongDescription.Split('\n')
            .Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim()).Where(l => l.Length <= 200).Take(3).ToList();
        var primary = DemoCatalog.Categories.Single(c => c.Slug == product.CategorySlug);
        var siblings = DemoCatalog.Categories.Where(c => c.Group == primary.Group && c.Slug != primary.Slug).ToList();
        var categories = new List<string> { primary.Slug };
        if (siblings.Count > 0 && index % 3 != 0)
        {
            categories.Add(siblings[index % siblings.Count].Slug);
        }

        var keywords = new[] { primary.Name, primary.Group, seller.Name.Split(' ')[0] }
            .Where(k => !string.Equals(k, product.Title, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        var domain = new string(seller.Name.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant() + ".example";
        var licence = index % 6 == 5
            ? new Licence(LicenceKind.Custom, $"# {seller.Name} subscription terms\n\nThe service is provided as described in the listing. Either party may end the subscription at the end of a term.")
            : Licence.Standard;
        var availability = index % 5 == 4 ? new Availability(["CU", "IR", "KP", "SY"]) : Availability.Everywhere;
        return new ListingInput(
            product.Title, product.ShortDescription, product.LongDescription, highlights, categories, keywords,
            new SupportContact($"support@{domain}", $"https://{domain}/support"), $"https://{domain}/tradewind/signup", availability, licence);
    }

    /// <summary>
    /// What demo-credentials.json holds. Later features add their own entries (keys, product codes). The AWS SDK example's
    /// entries (<see cref="ProductCode"/> … <see cref="RegistrationToken"/>) are null when it could not be prepared.
    /// </summary>
    internal sealed record DemoCredentials(
        string BaseUrl,
        string OperatorApiKey,
        IReadOnlyDictionary<string, DemoLogin> Logins,
        IReadOnlyDictionary<string, string> ApiKeys,
        string AccessKeyId,
        string SecretAccessKey,
        string? ProductCode = null,
        string? Dimension = null,
        string? CustomerIdentifier = null,
        string? AgreementId = null,
        string? RegistrationToken = null,
        DateTimeOffset? RegistrationTokenExpiresAt = null);

    internal sealed record DemoLogin(string Email, string Password, string Name, string Organisation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding the demo marketplace")]
    private static partial void LogSeeding(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo marketplace ready: {Sellers} sellers, {Listings} listings, {Buyers} buyers; logins in {Path}")]
    private static partial void LogSeeded(ILogger logger, int sellers, int listings, int buyers, string path);
}

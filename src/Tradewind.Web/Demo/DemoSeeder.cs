using System.Text.Json;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
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
            }

            var logo = DemoLogo.SolidPng((byte)(40 + (sellerIndex * 53 % 180)), (byte)(60 + (sellerIndex * 97 % 160)), (byte)(90 + (sellerIndex * 31 % 150)));
            var sellerCaller = new CatalogCaller(org.Id, IsOperator: false, Actor);
            foreach (var product in seller.Products)
            {
                await SeedProductAsync(seller, product, productIndex++, org, logo, sellerCaller, operatorCaller, cancellationToken);
            }
        }

        UserDto? firstBuyer = null;
        foreach (var buyer in DemoCatalog.Buyers)
        {
            var org = await accounts.CreateOrganisationAsync(new NewOrganisation(buyer.Name, OrganisationKind.Buyer, buyer.CountryCode, buyer.SubdivisionCode), Actor, cancellationToken);
            var user = await accounts.CreateUserAsync(new NewUser(org.Id, $"{buyer.EmailLocalPart}@{EmailDomain}", buyer.ContactName, password), Actor, cancellationToken);
            firstBuyer ??= user;
        }

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

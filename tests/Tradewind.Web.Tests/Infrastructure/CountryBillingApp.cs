using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// The billing host (<see cref="BillingApp"/>) with one buyer per country scenario, so each scenario's invoices hold only
/// its own lines: a Japanese business with a registration number, an Indian business (Karnataka, with a GSTIN) and an
/// Indian consumer (Maharashtra, the Indian entity's own state), US consumers in New York, Texas and California, and a
/// French business with a VAT id beside a French consumer. <see cref="IndianSeller"/> is a seller in India, so that the
/// Indian entity issues its buyers' invoices (the default routing sends India to India only for Indian sellers).
/// </summary>
public sealed class CountryBillingApp : BillingApp
{
    public Tenant IndianSeller { get; private set; } = null!;

    public Tenant JapaneseBusiness { get; private set; } = null!;

    public Tenant IndianBusiness { get; private set; } = null!;

    public Tenant IndianConsumer { get; private set; } = null!;

    public Tenant NewYorkBuyer { get; private set; } = null!;

    public Tenant TexasBuyer { get; private set; } = null!;

    public Tenant CaliforniaBuyer { get; private set; } = null!;

    public Tenant FrenchBusiness { get; private set; } = null!;

    public Tenant FrenchConsumer { get; private set; } = null!;

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await base.SeedAsync(services);
        var accounts = services.GetRequiredService<IAccountsCommands>();
        var seller = await accounts.CreateOrganisationAsync(new NewOrganisation("Rho Software India Pvt Ltd", OrganisationKind.Seller, "IN", "IN-MH"), "test", CancellationToken.None);
        IndianSeller = new Tenant(seller, (await accounts.IssueApiKeyAsync(seller.Id, "test key", "test", CancellationToken.None)).Secret);

        // Registration number T + 13 digits with a valid check digit (NTA corporate number check).
        JapaneseBusiness = await BuyerAsync(accounts, "Kappa Kogyo KK", "JP", null, "T9010401012345", "JPY", "ja");
        // GSTIN of a Karnataka business (state code 29); the Indian entity is in Maharashtra (27).
        IndianBusiness = await BuyerAsync(accounts, "Lambda Analytics Pvt Ltd", "IN", "IN-KA", "29AADCV4521K1Z3", "INR", "en");
        IndianConsumer = await BuyerAsync(accounts, "Mu Sharma", "IN", "IN-MH", null, "INR", "en");
        NewYorkBuyer = await BuyerAsync(accounts, "Nu Bakery LLC", "US", "US-NY", null, "USD", "en");
        TexasBuyer = await BuyerAsync(accounts, "Xi Freight LLC", "US", "US-TX", null, "USD", "en");
        CaliforniaBuyer = await BuyerAsync(accounts, "Omicron Studios LLC", "US", "US-CA", null, "USD", "en");
        FrenchBusiness = await BuyerAsync(accounts, "Pi Logiciels SAS", "FR", null, "FR03552081317", "EUR", "fr");
        FrenchConsumer = await BuyerAsync(accounts, "Sigma Dupont", "FR", null, null, "EUR", "fr");
    }

    private static async Task<Tenant> BuyerAsync(IAccountsCommands accounts, string name, string country, string? subdivision, string? taxId, string currency, string language)
    {
        var organisation = await accounts.CreateOrganisationAsync(new NewOrganisation(name, OrganisationKind.Buyer, country, subdivision), "test", CancellationToken.None);
        await accounts.UpdateBuyerProfileAsync(
            organisation.Id,
            new BuyerProfileInput(new PostalAddress("2 Market Street", null, "Capital", "10001", subdivision, country), taxId, currency, language, "UTC"),
            "test",
            CancellationToken.None);
        return new Tenant(organisation, (await accounts.IssueApiKeyAsync(organisation.Id, "test key", "test", CancellationToken.None)).Secret);
    }
}

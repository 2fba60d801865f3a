using System.Text;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Web.Demo;

/// <summary>The demo sellers' legal entities, tax forms and verified payout accounts, and a few entities waiting for KYC review.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>A minimal valid PDF standing in for a signed tax form.</summary>
    private static readonly byte[] DemoTaxForm = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>
    /// Entities of the demo sellers, by seller name. Verified ones get accounts verified by the operator; one seller
    /// (Kettenwerk) has entities in two countries. Tax ids carry valid check digits; bank details are test numbers.
    /// </summary>
    internal static IReadOnlyList<DemoSellerEntity> SellerEntities { get; } =
    [
        new("Northwind Analytics Inc.", "Northwind Analytics Inc.", "US", new("1 Lake Union Drive", null, "Seattle", "98109", "WA", "US"), "91-1144442", Verified: true,
            [new("US", "USD", null, "4829301756", "021000021")]),
        new("Kettenwerk Software GmbH", "Kettenwerk Software GmbH", "DE", new("Torstraße 49", null, "Berlin", "10119", null, "DE"), "DE136695976", Verified: true,
            // A USD account too: the EU entity pays out its US-dollar listings' proceeds (the German buyer's direct debits).
            [new("DE", "EUR", "DE89 3704 0044 0532 0130 00", null, null), new("DE", "USD", "DE62 3704 0044 0532 0130 01", null, null)]),
        new("Kettenwerk Software GmbH", "Kettenwerk Software Ltd", "GB", new("30 St Mary Axe", null, "London", "EC3A 8BF", null, "GB"), "GB 002 4257 28", Verified: true,
            [new("GB", "GBP", null, "31926819", "60-16-13")]),
        new("Hollowbrook Cloud Ltd", "Hollowbrook Cloud Ltd", "GB", new("12 King Street", null, "Manchester", "M2 4LQ", null, "GB"), "GB 003232345", Verified: true,
            [new("GB", "GBP", null, "55779911", "20-00-00"), new("GB", "EUR", "GB29 NWBK 6016 1331 9268 19", null, null)]),
        new("Vellora Labs Pvt. Ltd.", "Vellora Labs Pvt. Ltd.", "IN", new("80 Feet Road, Koramangala", null, "Bengaluru", "560034", "IN-KA", "IN"), "29AADCV4521K1Z3", Verified: true,
            [new("IN", "INR", null, "50100098765432", "HDFC0000001")]),
        new("Kumonami Systems K.K.", "Kumonami Systems K.K.", "JP", new("2-4-1 Shibakoen", "Minato-ku", "Tokyo", "105-0011", null, "JP"), "1020281079130", Verified: true,
            [new("JP", "JPY", null, "7654321", "0001-001")]),
        new("Wattleridge Software Pty Ltd", "Wattleridge Software Pty Ltd", "AU", new("100 Collins Street", null, "Melbourne", "3000", "VIC", "AU"), "12 123 552 732", Verified: true,
            [new("AU", "AUD", null, "98765432", "062-000"), new("US", "USD", null, "30012345678", "021000021")]),
        new("Brumevia SAS", "Brumevia SAS", "FR", new("10 Rue de Rivoli", null, "Paris", "75004", null, "FR"), "FR00300076965", Verified: false, []),
        new("Polderlicht B.V.", "Polderlicht B.V.", "NL", new("Keizersgracht 123", null, "Amsterdam", "1015 CJ", null, "NL"), "NL010000446B01", Verified: false, []),
        new("Tallmo Systems AB", "Tallmo Systems AB", "SE", new("Drottninggatan 5", null, "Stockholm", "111 51", null, "SE"), "SE000000002601", Verified: false, []),
    ];

    private async Task SeedSellerEntitiesAndPayoutsAsync(CancellationToken cancellationToken)
    {
        var sellers = (await accountsQueries.ListOrganisationsAsync(OrganisationKind.Seller, new PageRequest(1, PageRequest.MaxSize), cancellationToken)).Items
            .ToDictionary(o => o.Name, o => o.Id, StringComparer.Ordinal);
        foreach (var demo in SellerEntities)
        {
            var sellerId = sellers[demo.SellerName];
            var entity = await accounts.CreateSellerEntityAsync(sellerId, new NewSellerEntity(demo.LegalName, demo.CountryCode, demo.Address, demo.TaxId), Actor, cancellationToken);
            await accounts.UploadTaxFormAsync(sellerId, entity.Id, new TaxFormFile($"{entity.RequiredTaxForm} {demo.LegalName}.pdf", DemoTaxForm), Actor, cancellationToken);
            if (!demo.Verified)
            {
                continue;
            }

            await accounts.VerifySellerEntityAsync(entity.Id, null, Actor, cancellationToken);
            foreach (var bank in demo.Accounts)
            {
                var account = await accounts.AddBankAccountAsync(
                    sellerId, entity.Id, new NewBankAccount(bank.CountryCode, bank.CurrencyCode, demo.LegalName, bank.Iban, bank.AccountNumber, null, bank.RoutingCode), Actor, cancellationToken);
                await accounts.VerifyBankAccountManuallyAsync(entity.Id, account.Id, "Demo data: verified by the seed.", Actor, cancellationToken);
                await accounts.SetPayoutCurrencyAsync(sellerId, entity.Id, bank.CurrencyCode, account.Id, Actor, cancellationToken);
            }
        }
    }

    internal sealed record DemoSellerEntity(
        string SellerName, string LegalName, string CountryCode, PostalAddress Address, string TaxId, bool Verified, IReadOnlyList<DemoBankAccount> Accounts);

    internal sealed record DemoBankAccount(string CountryCode, string CurrencyCode, string? Iban, string? AccountNumber, string? RoutingCode);
}

using System.Globalization;
using Tradewind.Billing.Documents;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Primitives.Peppol;

namespace Tradewind.Billing.Tests.Documents;

/// <summary>A line as a fixture states it: the rater's quantity, unit and unit price, and its rounded amount.</summary>
public sealed record FixtureLine(
    string Title,
    decimal Quantity,
    string Unit,
    string UnitPrice,
    decimal Amount,
    string Category,
    decimal Rate,
    string TaxType,
    string Jurisdiction,
    string TaxCode = "saas",
    string? Description = null,
    string? Dimension = null);

/// <summary>
/// Billing documents for the renderers' tests, one per country case. Each is internally consistent the way the
/// billing runs build documents: lines rounded once, tax computed once per (category, rate) on the summed lines and
/// rounded half away from zero, total = lines + tax.
/// </summary>
public static class InvoiceFixtures
{
    public static readonly DateTimeOffset PeriodStart = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset PeriodEnd = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static InvoiceIssuer EuIssuer { get; } = new(
        "EU",
        "Tradewind Europe Ltd",
        new PostalAddress("1 Harbour Square", null, "Dublin", "D02 X285", null, "IE"),
        [new TaxRegistrationDto("IE", null, "IE6388047V")],
        new CollectionAccountDto("IE", "EUR", "Tradewind Europe Ltd", "5678"),
        new InvoicePayeeAccount("IE29 AIBK 9311 5212 3456 78", "Tradewind Europe Ltd", "AIBKIE2D"));

    public static InvoiceIssuer JapanIssuer { get; } = new(
        "JP",
        "トレードウィンド・ジャパン株式会社",
        new PostalAddress("千代田区丸の内1-1-1", null, "東京都", "100-0005", null, "JP"),
        [new TaxRegistrationDto("JP", null, "T5835678256246")],
        new CollectionAccountDto("JP", "JPY", "トレードウィンド・ジャパン（カ", "4321"),
        null);

    public static InvoiceIssuer IndiaIssuer { get; } = new(
        "IN",
        "Tradewind India Private Limited",
        new PostalAddress("80 Feet Road, Koramangala", null, "Bengaluru", "560034", "KA", "IN"),
        [new TaxRegistrationDto("IN", "IN-KA", "29AAGCT1234F1Z5")],
        new CollectionAccountDto("IN", "INR", "Tradewind India Private Limited", "9012"),
        new InvoicePayeeAccount("50200012345678", "Tradewind India Private Limited", "HDFCINBB"),
        "0088:0614141000029");

    public static InvoiceIssuer AustraliaIssuer { get; } = new(
        "AU",
        "Tradewind Australia Pty Ltd",
        new PostalAddress("1 Martin Place", null, "Sydney", "2000", "NSW", "AU"),
        [new TaxRegistrationDto("AU", null, "51 824 753 556")],
        new CollectionAccountDto("AU", "AUD", "Tradewind Australia Pty Ltd", "3456"),
        new InvoicePayeeAccount("062-000 12345678", "Tradewind Australia Pty Ltd"));

    public static InvoiceIssuer UsIssuer { get; } = new(
        "US",
        "Tradewind Inc.",
        new PostalAddress("500 Pine Street", "Suite 1200", "Seattle", "98101", "WA", "US"),
        [new TaxRegistrationDto("US", "US-NY", "NY-12-3456789"), new TaxRegistrationDto("KR", null, "123-45-67890")],
        new CollectionAccountDto("US", "USD", "Tradewind Inc.", "7788"),
        new InvoicePayeeAccount("021000021 000123456789", "Tradewind Inc."),
        "0088:0614141000012");

    /// <summary>EU B2C, standard rate: a consumer in Germany, the Irish entity charging German VAT at 19 % (OSS).</summary>
    public static InvoiceDto EuStandardRateB2C() => Build(
        "TWE-2026-000041", EuIssuer,
        Buyer("Erika Mustermann", new PostalAddress("Heidestraße 17", null, "Berlin", "10557", null, "DE"), null, isBusiness: false, "erika@example.de"),
        "EUR", "de",
        [
            new("Atlas Analytics – Pro", 1, "month", "49.00", 49.00m, "S", 0.19m, "VAT", "DE", Description: "Monatliches Abonnement"),
            new("Atlas Analytics – API-Aufrufe", 123457, "request", "0.00035", 43.21m, "S", 0.19m, "VAT", "DE", Dimension: "api_calls"),
        ],
        legends: []);

    /// <summary>EU B2B reverse charge: a French business with a VAT id; VAT category AE with the legend.</summary>
    public static InvoiceDto EuReverseChargeB2B() => Build(
        "TWE-2026-000042", EuIssuer,
        Buyer("Acheteur Exemple SAS", new PostalAddress("1 rue de l'Exemple", null, "Paris", "75001", null, "FR"), "FR32123456789", isBusiness: true, "compta@example.fr"),
        "EUR", "fr",
        [
            new("Atlas Analytics – Entreprise", 1, "month", "1250.00", 1250.00m, "AE", 0m, "VAT", "FR"),
            // Graduated tiers: the line's unit price is the average, so UBL prices the whole quantity (BaseQuantity).
            new("Atlas Analytics – Stockage", 1530, "GB", "0.0212", 31.80m, "AE", 0m, "VAT", "FR", Dimension: "storage_gb"),
        ],
        legends: [InvoiceLegends.ReverseCharge]);

    /// <summary>Japan qualified invoice: JPY, consumption tax 10 % rounded once for the rate (per line it would be one yen more).</summary>
    public static InvoiceDto JapanQualifiedInvoice() => Build(
        "TWJ-2026-000108", JapanIssuer,
        Buyer("株式会社サンプル商事", new PostalAddress("港区芝公園4-2-8", null, "東京都", "105-0011", null, "JP"), "T2876543210987", isBusiness: true, "keiri@example.jp"),
        "JPY", "ja",
        [
            new("アトラス分析 プロ", 1, "month", "1005", 1005m, "S", 0.10m, "JCT", "JP"),
            new("アトラス分析 追加シート", 1, "seat", "1005", 1005m, "S", 0.10m, "JCT", "JP"),
            new("アトラス分析 API呼び出し", 123457, "request", "0.35", 43210m, "S", 0.10m, "JCT", "JP", Dimension: "api_calls"),
        ],
        legends: [InvoiceLegends.JapanQualifiedInvoice]);

    /// <summary>India tax invoice: inter-state (Karnataka → Maharashtra), IGST 18 %, GSTINs, SAC codes.</summary>
    public static InvoiceDto IndiaTaxInvoice() => Build(
        "TWI/2026-27/000015", IndiaIssuer,
        Buyer("Example Technologies Private Limited", new PostalAddress("Baner Road", null, "Pune", "411045", "MH", "IN"), "27AAACE1234F1Z1", isBusiness: true, "accounts@example.in"),
        "INR", "en",
        [
            new("Atlas Analytics – Pro", 1, "month", "4000.00", 4000.00m, "S", 0.18m, "IGST", "IN-MH", TaxCode: "saas"),
            new("Atlas onboarding workshop", 3, "hour", "2500.00", 7500.00m, "S", 0.18m, "IGST", "IN-MH", TaxCode: "professional_services"),
        ],
        legends: [InvoiceLegends.IndiaTaxInvoice]);

    /// <summary>Australia tax invoice: AUD, GST 10 %, ABN.</summary>
    public static InvoiceDto AustraliaTaxInvoice() => Build(
        "TWA-2026-000031", AustraliaIssuer,
        Buyer("Example Pty Ltd", new PostalAddress("120 Collins Street", null, "Melbourne", "3000", "VIC", "AU"), "53 004 085 616", isBusiness: true, "ap@example.com.au"),
        "AUD", "en",
        [new("Atlas Analytics – Team", 5, "seat", "29.90", 149.50m, "S", 0.10m, "GST", "AU")],
        legends: [InvoiceLegends.AustraliaTaxInvoice]);

    /// <summary>United States: a New York business buyer, state sales tax 4 % collected as marketplace facilitator.</summary>
    public static InvoiceDto UsSalesTax() => Build(
        "TWU-2026-000212", UsIssuer,
        Buyer("Example Corp", new PostalAddress("350 Fifth Avenue", null, "New York", "10118", "NY", "US"), null, isBusiness: true, "ap@example.com"),
        "USD", "en",
        [
            new("Atlas Analytics – Pro", 2, "seat", "49.00", 98.00m, "S", 0.04m, "sales tax", "US-NY"),
            new("Atlas Analytics – API calls", 98765, "request", "0.0004", 39.51m, "S", 0.04m, "sales tax", "US-NY"),
        ],
        legends: []);

    /// <summary>A Spanish consumer invoiced in EUR for a listing priced in USD: conversion legend, tax in EUR.</summary>
    public static InvoiceDto EuroInvoiceForUsdListing() => Build(
        "TWE-2026-000043", EuIssuer,
        Buyer("Lucía García", new PostalAddress("Calle de Alcalá 42", null, "Madrid", "28014", null, "ES"), null, isBusiness: false, "lucia@example.es"),
        "EUR", "es",
        [
            new("Atlas Analytics – Pro", 1, "month", "45.15", 45.15m, "S", 0.21m, "VAT", "ES"),
            new("Atlas Analytics – Llamadas a la API", 250000, "request", "0.0092", 2300.00m, "S", 0.21m, "VAT", "ES"),
        ],
        legends: [InvoiceLegends.CurrencyConverted],
        conversion: new InvoiceConversion("USD", "EUR", 0.9214m, new DateOnly(2026, 10, 30), "ECB"));

    /// <summary>An Austrian consumer invoiced in USD: the VAT must also be stated in EUR (TaxCurrencyCode, second TaxTotal).</summary>
    public static InvoiceDto UsdInvoiceWithTaxInEuro()
    {
        var invoice = Build(
            "TWE-2026-000044", EuIssuer,
            Buyer("Johann Huber", new PostalAddress("Stephansplatz 1", null, "Wien", "1010", null, "AT"), null, isBusiness: false, "johann@example.at"),
            "USD", "de",
            [new("Atlas Analytics – Pro", 1, "month", "49.00", 49.00m, "S", 0.20m, "VAT", "AT")],
            legends: []);
        return invoice with
        {
            TaxCurrency = "EUR",
            TotalTaxInTaxCurrency = Money.FromMajor(invoice.TotalTax.Amount * 0.9214m, Currency.EUR, MidpointRounding.AwayFromZero),
            TaxSubtotals = invoice.TaxSubtotals
                .Select(s => s with { TaxAmountInTaxCurrency = Money.FromMajor(s.TaxAmount.Amount * 0.9214m, Currency.EUR, MidpointRounding.AwayFromZero) })
                .ToList(),
        };
    }

    /// <summary>Outside the scope of EU VAT: the Irish entity sells to a US business (category O, no VAT ids).</summary>
    public static InvoiceDto EuOutsideScope() => Build(
        "TWE-2026-000045", EuIssuer,
        Buyer("Example Corp", new PostalAddress("350 Fifth Avenue", null, "New York", "10118", "NY", "US"), null, isBusiness: true, "ap@example.com"),
        "USD", "en",
        [new("Atlas Analytics – Enterprise", 1, "month", "1500.00", 1500.00m, "O", 0m, "VAT", "US")],
        legends: [InvoiceLegends.OutsideScope]);

    /// <summary>A Korean business invoiced by the US entity (registered for Korean VAT on electronic services), KRW, 10 %.</summary>
    public static InvoiceDto KoreaInvoice() => Build(
        "TWU-2026-000213", UsIssuer,
        Buyer("주식회사 예시소프트", new PostalAddress("테헤란로 152", null, "서울특별시 강남구", "06236", null, "KR"), null, isBusiness: true, "finance@example.kr"),
        "KRW", "ko",
        [new("아틀라스 분석 프로", 3, "seat", "65000", 195000m, "S", 0.10m, "VAT", "KR", Description: "월간 구독")],
        legends: []);

    /// <summary>A credit note refunding one line of <see cref="EuStandardRateB2C"/>; amounts are negative as Tradewind stores credits.</summary>
    public static InvoiceDto CreditNote()
    {
        var credit = Build(
            "TWE-CN-2026-000007", EuIssuer,
            Buyer("Erika Mustermann", new PostalAddress("Heidestraße 17", null, "Berlin", "10557", null, "DE"), null, isBusiness: false, "erika@example.de"),
            "EUR", "de",
            [new("Atlas Analytics – Pro", -1, "month", "49.00", -49.00m, "S", 0.19m, "VAT", "DE", Description: "Gutschrift: nicht genutzter Monat")],
            legends: [InvoiceLegends.CorrectsInvoice],
            kind: InvoiceKind.CreditNote);
        return credit with
        {
            CorrectsInvoiceId = InvoiceId.From(Guid.Parse("0193a0b0-0000-7000-8000-000000000041")),
            CorrectsInvoiceNumber = "TWE-2026-000041",
            DueDate = null,
        };
    }

    /// <summary>The Irish entity's other VAT categories, one document each: exempt (E), zero rated (Z), intra-community supply (K), export (G).</summary>
    public static InvoiceDto EuCategory(string category, string language)
    {
        var buyer = category switch
        {
            "K" => Buyer("Acheteur Exemple SAS", new PostalAddress("1 rue de l'Exemple", null, "Paris", "75001", null, "FR"), "FR32123456789", isBusiness: true, "compta@example.fr"),
            "G" => Buyer("Example Corp", new PostalAddress("350 Fifth Avenue", null, "New York", "10118", "NY", "US"), null, isBusiness: true, "ap@example.com"),
            _ => Buyer("Erika Mustermann", new PostalAddress("Heidestraße 17", null, "Berlin", "10557", null, "DE"), null, isBusiness: false, "erika@example.de"),
        };
        return Build(
            "TWE-2026-0002" + (category[0] - 'A').ToString("D2", CultureInfo.InvariantCulture),
            EuIssuer,
            buyer,
            "EUR",
            language,
            [new("Atlas Analytics – Hardware key", 2, "piece", "35.00", 70.00m, category, 0m, "VAT", buyer.Address.CountryCode)],
            legends: []);
    }

    /// <summary>Every fixture by name (the names tests and reports use).</summary>
    public static IReadOnlyDictionary<string, InvoiceDto> All { get; } = new Dictionary<string, InvoiceDto>(StringComparer.Ordinal)
    {
        ["eu-standard-rate-b2c"] = EuStandardRateB2C(),
        ["eu-reverse-charge-b2b"] = EuReverseChargeB2B(),
        ["jp-qualified-invoice"] = JapanQualifiedInvoice(),
        ["in-tax-invoice"] = IndiaTaxInvoice(),
        ["au-tax-invoice"] = AustraliaTaxInvoice(),
        ["us-sales-tax"] = UsSalesTax(),
        ["eur-invoice-for-usd-listing"] = EuroInvoiceForUsdListing(),
        ["usd-invoice-tax-in-eur"] = UsdInvoiceWithTaxInEuro(),
        ["eu-outside-scope"] = EuOutsideScope(),
        ["kr-invoice"] = KoreaInvoice(),
        ["credit-note"] = CreditNote(),
        ["eu-exempt"] = EuCategory("E", "de"),
        ["eu-zero-rated"] = EuCategory("Z", "en"),
        ["eu-intra-community-supply"] = EuCategory("K", "fr"),
        ["eu-export"] = EuCategory("G", "en"),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The address the operator allocates to the fixtures' buyers whose tax id gives none, as billing runs do.</summary>
    public static string AllocatedBuyerAddress => "0088:" + Gln.Create("0614141", 50_001);

    private static InvoiceBuyer Buyer(string name, PostalAddress address, string? taxId, bool isBusiness, string email) =>
        new(
            OrganisationId.From(Guid.Parse("0193a0b0-0000-7000-8000-0000000000b1")), name, address, taxId, isBusiness, email,
            taxId is not null && TaxIdentifiers.Endpoint(address.CountryCode, taxId) is not null ? null : AllocatedBuyerAddress);

    public static InvoiceDto Build(
        string number,
        InvoiceIssuer issuer,
        InvoiceBuyer buyer,
        string currencyCode,
        string language,
        IReadOnlyList<FixtureLine> lines,
        IReadOnlyList<string> legends,
        InvoiceConversion? conversion = null,
        InvoiceKind kind = InvoiceKind.Invoice)
    {
        var currency = Currency.FromCode(currencyCode);
        var dtoLines = lines.Select((l, i) =>
        {
            var amount = Money.FromMajor(l.Amount, currency, MidpointRounding.AwayFromZero);
            var lineTax = amount.Multiply(l.Rate, MidpointRounding.AwayFromZero);
            return new InvoiceLineDto(
                i + 1,
                kind == InvoiceKind.CreditNote ? InvoiceLineKind.Credit : InvoiceLineKind.Usage,
                AgreementId.From(Guid.Parse("0193a0b0-0000-7000-8000-0000000000a1")),
                ProductId.From(Guid.Parse("0193a0b0-0000-7000-8000-0000000000c1")),
                l.Title,
                l.Dimension,
                l.Description ?? l.Title,
                l.Quantity,
                l.Unit,
                l.UnitPrice,
                amount,
                PeriodStart,
                PeriodEnd,
                l.TaxCode,
                new InvoiceLineTax(l.Jurisdiction, l.TaxType, l.Rate, l.Category == "AE" ? "reverse_charge" : "standard", l.Category, lineTax, null),
                []);
        }).ToList();

        // One tax computation per (category, rate) on the summed lines (EN 16931; Japan's one rounding per rate).
        var subtotals = dtoLines
            .GroupBy(l => (l.Tax.Category, l.Tax.Rate, l.Tax.TaxType, l.Tax.Jurisdiction))
            .Select(g =>
            {
                var taxable = g.Aggregate(Money.Zero(currency), (sum, l) => sum.Add(l.Amount));
                var tax = taxable.Multiply(g.Key.Rate, MidpointRounding.AwayFromZero);
                var reason = g.Key.Category switch
                {
                    "AE" => "Reverse charge",
                    "O" => "Not subject to VAT",
                    _ => null,
                };
                return new InvoiceTaxSubtotal(g.Key.Category, g.Key.Rate, g.Key.TaxType, g.Key.Jurisdiction, taxable, tax, reason, null);
            })
            .ToList();
        var subtotal = dtoLines.Aggregate(Money.Zero(currency), (sum, l) => sum.Add(l.Amount));
        var totalTax = subtotals.Aggregate(Money.Zero(currency), (sum, s) => sum.Add(s.TaxAmount));
        var issued = new DateOnly(2026, 11, 1);

        return new InvoiceDto(
            InvoiceId.From(Guid.Parse("0193a0b0-0000-7000-8000-" + (0x100 + number.Length).ToString("x12", CultureInfo.InvariantCulture))),
            kind,
            number,
            InvoiceStatus.Finalized,
            buyer,
            issuer,
            currencyCode,
            language,
            PeriodStart,
            PeriodEnd,
            issued,
            kind == InvoiceKind.CreditNote ? null : issued.AddDays(14),
            dtoLines,
            subtotals,
            subtotal,
            totalTax,
            subtotal.Add(totalTax),
            null,
            null,
            conversion,
            number,
            null,
            null,
            legends,
            new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 1, 2, 5, 0, TimeSpan.Zero),
            null,
            null);
    }
}

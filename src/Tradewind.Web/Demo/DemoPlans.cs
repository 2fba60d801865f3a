using Tradewind.Contracts.Catalog;

namespace Tradewind.Web.Demo;

/// <summary>
/// Pricing plans for the demo listings, chosen by the product's index so every kind appears across the catalogue:
/// per-unit, graduated, volume and package usage; free trials and free tiers; 12/24/36-month contracts paid upfront or in
/// installments; and contracts with overage.
/// </summary>
internal static class DemoPlans
{
    public static IReadOnlyList<PlanTerms> For(int index) => (index % 8) switch
    {
        0 =>
        [
            new("Pay as you go", "Pay only for what you use.", new FreeTrialTerms(14, null), null, [Requests(PerUnit("0.0125"))], null),
        ],
        1 =>
        [
            new("Usage", "Graduated prices: the more you use, the less each unit costs.", null, [new FreeUnits("requests", 1000)], [Requests(Graduated("0.01", "0.008", "0.005"))], null),
        ],
        2 =>
        [
            new("Volume", "All units at the price of the tier your monthly total reaches.", null, null, [Gigabytes(Volume("0.25", "0.20", "0.12"))], null),
        ],
        3 =>
        [
            new("Bundles", "Buy capacity in packages of 10,000 requests.", new FreeTrialTerms(30, [new DimensionQuantity("requests", 50_000)]), null,
                [Requests(new PriceModelTerms(PriceModelKind.Package, PackageSize: 10_000, PackagePrice: "25.00"))], null),
        ],
        4 =>
        [
            new("Annual", "One year, paid upfront.", null, null, [Seats(null)], new ContractTerms(12, "4800.00", 1, false, [new Entitlement("seats", 25)])),
            new("Monthly usage", null, new FreeTrialTerms(7, null), null, [Seats(PerUnit("19.00"))], null),
        ],
        5 =>
        [
            new("Two-year contract", "24 months in monthly installments.", null, null, [Seats(null)], new ContractTerms(24, "11988.00", 24, false, [new Entitlement("seats", null, Unlimited: true)])),
        ],
        6 =>
        [
            new("Three-year contract", "36 months in three yearly installments, overage at usage prices.", null, null,
                [Requests(Graduated("0.004", "0.003", "0.002"))],
                new ContractTerms(36, "30000.00", 3, true, [new Entitlement("requests", 5_000_000)])),
        ],
        _ =>
        [
            new("Annual with overage", "Twelve months upfront; use beyond the entitlement at the per-unit price.", null, null,
                [Gigabytes(PerUnit("0.09"))], new ContractTerms(12, "2400.00", 12, true, [new Entitlement("gigabytes", 2_000)])),
            new("Free tier", "The first 100 GB each month are free.", null, [new FreeUnits("gigabytes", 100)], [Gigabytes(PerUnit("0.11"))], null),
        ],
    };

    private static UsageDimension Requests(PriceModelTerms? price) => new("requests", "API requests", "request", price);

    private static UsageDimension Gigabytes(PriceModelTerms? price) => new("gigabytes", "Data processed", "GB", price);

    private static UsageDimension Seats(PriceModelTerms? price) => new("seats", "Seats", "seat", price);

    private static PriceModelTerms PerUnit(string price) => new(PriceModelKind.PerUnit, UnitPrice: price);

    private static PriceModelTerms Graduated(string first, string second, string rest) =>
        new(PriceModelKind.Graduated, Tiers: [new PriceTier(0, 100_000, first), new PriceTier(100_000, 1_000_000, second), new PriceTier(1_000_000, null, rest)]);

    private static PriceModelTerms Volume(string first, string second, string rest) =>
        new(PriceModelKind.Volume, Tiers: [new PriceTier(0, 1_000, first), new PriceTier(1_000, 10_000, second), new PriceTier(10_000, null, rest)]);
}

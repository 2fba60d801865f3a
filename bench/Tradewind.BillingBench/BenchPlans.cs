using Tradewind.Contracts.Catalog;

namespace Tradewind.BillingBench;

/// <summary>
/// The benchmark's plans: the four price models, free units, a plan with two dimensions, and a twelve-month contract paid
/// in twelve installments with an entitlement and overage. Each agreement gets one (<see cref="PlanFor"/>); its usage
/// records cycle through the plan's dimensions, with quantities in <see cref="Quantity"/>.
/// </summary>
internal static class BenchPlans
{
    public static readonly IReadOnlyList<BenchPlan> All =
    [
        new("Per unit with free units", new PlanTerms("Pay as you go", "Per call, the first 20,000 each month free.", null,
            [new FreeUnits("api_calls", 20_000)],
            [
                new UsageDimension("api_calls", "API calls", "call", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.00042")),
                new UsageDimension("storage_gb_hours", "Storage", "GB-hour", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.000137")),
            ], null)),
        new("Graduated", new PlanTerms("Graduated", "Cheaper per event as volume grows.", null, null,
            [
                new UsageDimension("events", "Events", "event", new PriceModelTerms(PriceModelKind.Graduated, Tiers:
                [
                    new PriceTier(0, 100_000, "0.0002"), new PriceTier(100_000, 500_000, "0.00015"), new PriceTier(500_000, null, "0.0001"),
                ])),
            ], null)),
        new("Volume", new PlanTerms("Volume", "Every row at the price of the month's tier.", null, null,
            [
                new UsageDimension("rows_scanned", "Rows scanned", "row", new PriceModelTerms(PriceModelKind.Volume, Tiers:
                [
                    new PriceTier(0, 200_000, "0.00005"), new PriceTier(200_000, 1_000_000, "0.00004"), new PriceTier(1_000_000, null, "0.00003"),
                ])),
            ], null)),
        new("Package", new PlanTerms("Package", "Messages in packs of 1,000.", null, null,
            [new UsageDimension("messages", "Messages", "message", new PriceModelTerms(PriceModelKind.Package, PackageSize: 1000, PackagePrice: "0.45"))], null)),
        new("Two dimensions", new PlanTerms("Compute and transfer", "Compute seconds, graduated transfer.", null,
            [new FreeUnits("compute_seconds", 3_600)],
            [
                new UsageDimension("compute_seconds", "Compute", "second", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.0000166667")),
                new UsageDimension("transfer_gb", "Transfer", "GB", new PriceModelTerms(PriceModelKind.Graduated, Tiers:
                [
                    new PriceTier(0, 10_000, "0.09"), new PriceTier(10_000, null, "0.07"),
                ])),
            ], null)),
        new("Contract with installments", new PlanTerms("Annual", "Twelve monthly installments, 100,000 calls a month included.", null, null,
            [new UsageDimension("api_calls", "API calls", "call", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.0003"))],
            new ContractTerms(12, "6000.00", 12, Overage: true, [new Entitlement("api_calls", 100_000)]))),
    ];

    /// <summary>Which plan agreement <paramref name="index"/> subscribes to: one in twenty-five is a contract, the rest cycle through the usage plans.</summary>
    public static int PlanFor(int index) => index % 25 == 3 ? All.Count - 1 : index % (All.Count - 1);

    public static IReadOnlyList<string> Dimensions(int plan) => [.. All[plan].Terms.Dimensions!.Select(d => d.Key)];

    /// <summary>The quantity of an agreement's <paramref name="record"/>-th record: deterministic, spread so that tiers and free units are crossed.</summary>
    public static long Quantity(int agreement, int record, string dimension)
    {
        var spread = (uint)((agreement * 2_654_435_761L + record * 40_503L) % 1000);
        return dimension switch
        {
            "api_calls" => 200 + (spread * 9),
            "storage_gb_hours" => 1 + (spread % 50),
            "events" => 1_000 + (spread * 11),
            "rows_scanned" => 500 + (spread * (agreement % 3 == 0 ? 30 : 5)),
            "messages" => 10 + (spread * 3),
            "compute_seconds" => 60 + (spread * 4),
            "transfer_gb" => 1 + (spread % 200),
            _ => 1 + spread,
        };
    }
}

internal sealed record BenchPlan(string Title, PlanTerms Terms);

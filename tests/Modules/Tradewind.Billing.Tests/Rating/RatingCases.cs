using Tradewind.Billing.Rating;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Billing.Tests.Rating;

/// <summary>Plans, periods and inputs the rating tests share.</summary>
internal static class RatingCases
{
    public const string Calls = "api_calls";

    public static readonly IReadOnlyDictionary<string, decimal> NoUsage = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>0–1000 at 0.01, 1000–10000 at 0.008, 10000+ at 0.005 (the catalog tests' ladder).</summary>
    public static readonly PriceTier[] DiscountLadder = [new(0, 1000, "0.01"), new(1000, 10000, "0.008"), new(10000, null, "0.005")];

    private static readonly Rater Rater = new();

    public static IReadOnlyList<RatedLine> Rate(RatingInput input) => Rater.Rate(input);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>The calendar month, UTC.</summary>
    public static BillingPeriod Month(int year, int month) => new(Utc(year, month, 1), Utc(year, month, 1).AddMonths(1));

    public static PriceModelTerms PerUnit(string price) => new(PriceModelKind.PerUnit, UnitPrice: price);

    public static PriceModelTerms Graduated(params PriceTier[] tiers) => new(PriceModelKind.Graduated, Tiers: tiers);

    public static PriceModelTerms Volume(params PriceTier[] tiers) => new(PriceModelKind.Volume, Tiers: tiers);

    public static PriceModelTerms Package(decimal size, string price) => new(PriceModelKind.Package, PackageSize: size, PackagePrice: price);

    public static UsageDimension Dimension(PriceModelTerms? price, string key = Calls) => new(key, "API calls", "call", price);

    /// <summary>A usage plan with one priced dimension.</summary>
    public static PlanTerms Plan(PriceModelTerms price, decimal? freePerMonth = null, FreeTrialTerms? trial = null) =>
        new("Usage", null, trial, freePerMonth is { } free ? [new FreeUnits(Calls, free)] : null, [Dimension(price)], null);

    /// <summary>A contract plan: <paramref name="price"/> for <paramref name="termMonths"/> months in <paramref name="installments"/>.</summary>
    public static PlanTerms Contract(string price, int termMonths, int installments, bool overage = false, decimal? entitled = 10_000, PriceModelTerms? overagePrice = null) =>
        new(
            "Contract",
            null,
            null,
            null,
            [Dimension(overage ? overagePrice ?? PerUnit("0.001") : null)],
            new ContractTerms(termMonths, price, installments, overage, [entitled is { } quantity ? new Entitlement(Calls, quantity) : new Entitlement(Calls, null, Unlimited: true)]));

    public static RatingInput Input(PlanTerms terms, BillingPeriod period, decimal paid = 0, DateTimeOffset? start = null) =>
        new(terms, start ?? period.Start, null, null, null, period, NoUsage, NoUsage, Usage(paid), []);

    public static IReadOnlyDictionary<string, decimal> Usage(decimal quantity, string dimension = Calls) =>
        new Dictionary<string, decimal>(StringComparer.Ordinal) { [dimension] = quantity };

    /// <summary>What an earlier document recorded for these lines, as the billing run stores it.</summary>
    public static IEnumerable<PriorCharge> Billed(IEnumerable<RatedLine> lines) =>
        lines.Select(l => new PriorCharge(l.Kind, l.Dimension, l.InstallmentNumber, l.Quantity, l.Amount));

    public static RatedLine Single(IReadOnlyList<RatedLine> lines, InvoiceLineKind kind) => Assert.Single(lines, l => l.Kind == kind);
}

using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

public sealed class PriceModelRatingTests
{
    private static readonly Tradewind.Billing.Rating.BillingPeriod September = Month(2026, 9);

    private static RatedLineView RateUsage(PriceModelTerms price, decimal quantity, decimal? free = null)
    {
        var line = Single(Rate(Input(Plan(price, free), September, quantity)), InvoiceLineKind.Usage);
        return new RatedLineView(line.Quantity, line.UnitPrice, line.Amount, line.Steps);
    }

    private sealed record RatedLineView(decimal Quantity, decimal UnitPrice, decimal Amount, IReadOnlyList<RatingStep> Steps);

    [Fact]
    public void A_sub_cent_unit_price_is_multiplied_exactly_without_rounding()
    {
        var line = RateUsage(PerUnit("0.00042"), 1_234_567);

        // 1,234,567 × 0.00042 = 518.51814: the caller rounds once, to 518.52.
        Assert.Equal(518.51814m, line.Amount);
        Assert.Equal(0.00042m, line.UnitPrice);
        var step = Assert.Single(line.Steps);
        Assert.Equal(new RatingStep("unit", 1_234_567, "0.00042", 518.51814m), step);
    }

    [Theory]
    [InlineData(1, "0.01")]
    [InlineData(1000, "10")]
    [InlineData(1001, "10.008")]
    [InlineData(1500, "14")]
    [InlineData(10000, "82")]
    [InlineData(10001, "82.005")]
    [InlineData(12000, "92")]
    public void Graduated_prices_each_tiers_units_at_that_tiers_price(int quantity, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RateUsage(Graduated(DiscountLadder), quantity).Amount);
    }

    [Theory]
    [InlineData(1, "0.01")]
    [InlineData(1000, "10")]
    [InlineData(1001, "8.008")]
    [InlineData(1500, "12")]
    [InlineData(10000, "80")]
    [InlineData(10001, "50.005")]
    [InlineData(12000, "60")]
    public void Volume_prices_all_units_at_the_tier_the_total_falls_in(int quantity, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RateUsage(Volume(DiscountLadder), quantity).Amount);
    }

    [Fact]
    public void At_a_tier_edge_the_edge_unit_belongs_to_the_lower_tier()
    {
        // PriceTier(0, 1000) holds units 1..1000 (upTo is inclusive), so 1,000 units never touch the second tier.
        var graduated = RateUsage(Graduated(DiscountLadder), 1000);
        var volume = RateUsage(Volume(DiscountLadder), 1000);

        Assert.Equal(new RatingStep("tier", 1000, "0.01", 10m, 0, 1000), Assert.Single(graduated.Steps));
        Assert.Equal(new RatingStep("tier", 1000, "0.01", 10m, 0, 1000), Assert.Single(volume.Steps));
    }

    [Fact]
    public void One_unit_past_the_edge_graduated_adds_a_tier_step_volume_reprices_everything()
    {
        var graduated = RateUsage(Graduated(DiscountLadder), 1001);
        var volume = RateUsage(Volume(DiscountLadder), 1001);

        Assert.Equal(
            [new RatingStep("tier", 1000, "0.01", 10m, 0, 1000), new RatingStep("tier", 1, "0.008", 0.008m, 1000, 10000)],
            graduated.Steps);
        Assert.Equal(new RatingStep("tier", 1001, "0.008", 8.008m, 1000, 10000), Assert.Single(volume.Steps));
        Assert.Equal(8.008m / 1001, volume.UnitPrice);
    }

    [Fact]
    public void Sub_cent_tier_prices_are_summed_exactly()
    {
        var line = RateUsage(Graduated(new PriceTier(0, 3, "0.001"), new PriceTier(3, null, "0.0015")), 6);

        // 3 × 0.001 + 3 × 0.0015 = 0.0075 (rounding each tier first would lose it).
        Assert.Equal(0.0075m, line.Amount);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(999, 1)]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(2500, 3)]
    public void A_started_package_is_charged_in_full(int quantity, int packages)
    {
        var line = RateUsage(Package(1000, "5.00"), quantity);

        Assert.Equal(packages * 5.00m, line.Amount);
        Assert.Equal(new RatingStep("package", packages, "5.00", packages * 5.00m), Assert.Single(line.Steps));
        Assert.Equal(quantity, line.Quantity);
    }

    [Fact]
    public void No_usage_gives_no_line()
    {
        Assert.Empty(Rate(Input(Plan(PerUnit("0.01")), September, 0)));
    }

    [Fact]
    public void Usage_of_a_dimension_the_plan_does_not_have_is_ignored()
    {
        var input = Input(Plan(PerUnit("0.01")), September) with { PaidUsage = Usage(500, "unknown_dimension") };

        Assert.Empty(Rate(input));
    }

    [Fact]
    public void The_line_keeps_its_source_dimension_unit_and_period()
    {
        var line = Assert.Single(Rate(Input(Plan(PerUnit("0.01")), September, 10)));

        Assert.Equal((InvoiceLineKind.Usage, Calls, "call", September, 10m, 0.10m), (line.Kind, line.Dimension, line.Unit, line.ServicePeriod, line.Quantity, line.Amount));
        Assert.Null(line.InstallmentNumber);
    }
}

using CsCheck;
using Tradewind.Billing.Documents;

namespace Tradewind.Billing.Tests.Documents;

public sealed class LinePriceTests
{
    /// <summary>Peppol R120 as the schematron states it: |amount − quantity × price / base quantity| ≤ 0.02.</summary>
    private static bool SatisfiesR120(LinePrice price, decimal amount) =>
        Math.Abs(amount - (price.Quantity * (price.PriceAmount / (price.BaseQuantity ?? 1m)))) <= 0.02m;

    [Fact]
    public void Every_line_satisfies_Peppol_R120_and_never_has_a_negative_price()
    {
        var lines = Gen.Select(
            Gen.Decimal[0m, 5_000_000m].Select(q => decimal.Round(q, 3, MidpointRounding.AwayFromZero)),
            Gen.Decimal[0m, 500m].Select(p => decimal.Round(p, 6, MidpointRounding.AwayFromZero)),
            Gen.Int[0, 2],
            Gen.Bool,
            Gen.Decimal[-0.5m, 0.5m]);

        lines.Sample((quantity, unitPrice, minorUnits, negative, drift) =>
        {
            // The rater's amount: quantity × price rounded once, sometimes off (tiers, proration) by a drift.
            var amount = decimal.Round((quantity * unitPrice) + (drift * unitPrice), minorUnits, MidpointRounding.AwayFromZero) * (negative ? -1 : 1);

            var price = LinePrice.For(quantity, unitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture), amount, minorUnits);

            return SatisfiesR120(price, amount) && price.PriceAmount >= 0 && (price.BaseQuantity is null || price.BaseQuantity > 0);
        });
    }

    [Fact]
    public void A_unit_price_whose_product_rounds_to_the_amount_is_kept_as_it_is()
    {
        var price = LinePrice.For(123457m, "0.00035", 43.21m, 2);

        Assert.Equal(new LinePrice(123457m, 0.00035m, null), price);
    }

    [Fact]
    public void A_yen_amount_rounded_by_more_than_the_tolerance_is_priced_for_its_whole_quantity()
    {
        // 123,457 × ¥0.35 = ¥43,209.95, billed ¥43,210: 0.05 off, outside R120's 0.02.
        var price = LinePrice.For(123457m, "0.35", 43210m, 0);

        Assert.Equal(new LinePrice(123457m, 43210m, 123457m), price);
    }

    [Fact]
    public void A_credit_on_an_invoice_has_a_negative_quantity_and_a_positive_price()
    {
        var price = LinePrice.For(10m, "2.50", -25.00m, 2);

        Assert.Equal(new LinePrice(-10m, 2.50m, null), price);
    }

    [Fact]
    public void A_line_without_quantity_is_one_unit_at_its_amount()
    {
        Assert.Equal(new LinePrice(1m, 12.34m, null), LinePrice.For(0m, "0", 12.34m, 2));
    }
}

using System.Globalization;
using CsCheck;
using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Money.Tests;

public sealed class UnitPriceTests
{
    [Fact]
    public void Extending_rounds_the_total_once_rather_than_each_unit()
    {
        var perCall = UnitPrice.Of(0.0125m, Currency.USD);

        // 3 × 0.0125 = 0.0375 → 0.04; rounding each unit first would give 3 × 0.01 = 0.03.
        Assert.Equal(Money.FromMinor(4, Currency.USD), perCall.Extend(3, MidpointRounding.ToEven));
        Assert.Equal(Money.FromMinor(125, Currency.USD), perCall.Extend(100, MidpointRounding.ToEven));
        Assert.Equal(Money.FromMinor(0, Currency.USD), perCall.Extend(0, MidpointRounding.ToEven));
    }

    [Theory]
    [InlineData(MidpointRounding.ToEven, 2)]
    [InlineData(MidpointRounding.AwayFromZero, 3)]
    public void Extending_uses_the_named_midpoint_rule(MidpointRounding rounding, long expectedCents)
    {
        // 2 × 0.0125 = 0.025: exactly half a cent past 0.02.
        Assert.Equal(expectedCents, UnitPrice.Of(0.0125m, Currency.USD).Extend(2, rounding).MinorUnits);
    }

    [Fact]
    public void Extending_equals_converting_the_exact_product_to_money()
    {
        // Ranges keep the largest total (10^9 × 10^6 BHD) inside Money's range; overflow is tested elsewhere.
        var prices = Gen.Long[0, 1_000_000_000].Select(Gen.Int[0, 12], (units, scale) => new decimal(units) / (decimal)Math.Pow(10, scale));
        var quantities = Gen.Long[0, 1_000_000].Select(Gen.Int[0, 3], (units, scale) => new decimal(units) / (decimal)Math.Pow(10, scale));
        Gen.Select(prices, quantities, Gen.OneOf(Currency.USD, Currency.JPY, Currency.BHD)).Sample((price, quantity, currency) =>
            UnitPrice.Of(price, currency).Extend(quantity, MidpointRounding.AwayFromZero)
                == Money.FromMajor(quantity * price, currency, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Extending_past_the_range_of_money_throws()
    {
        Assert.Throws<OverflowException>(() => UnitPrice.Of(1_000_000_000_000m, Currency.BHD).Extend(1_000_000_000m, MidpointRounding.ToEven));
    }

    [Fact]
    public void A_negative_unit_price_or_quantity_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitPrice.Of(-0.01m, Currency.USD));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitPrice.Of(1m, Currency.USD).Extend(-1, MidpointRounding.ToEven));
    }

    [Fact]
    public void At_most_twelve_significant_decimal_places_are_allowed()
    {
        Assert.Equal(0.000000000001m, UnitPrice.Of(0.000000000001m, Currency.USD).Amount);
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitPrice.Of(0.0000000000001m, Currency.USD));

        // Trailing zeros are not significant.
        Assert.Equal(1.5m, UnitPrice.Of(1.500000000000000000m, Currency.USD).Amount);
    }

    [Theory]
    [InlineData("0.0125", "USD", "0.0125 USD")]
    [InlineData("1.5", "USD", "1.50 USD")]
    [InlineData("1.50000", "USD", "1.50 USD")]
    [InlineData("300", "JPY", "300 JPY")]
    [InlineData("0.000000000001", "BHD", "0.000000000001 BHD")]
    public void Text_is_invariant_with_at_least_the_currency_decimals(string text, string currency, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            var price = UnitPrice.Parse(text, Currency.FromCode(currency));

            Assert.Equal(expected, price.ToString());
            Assert.Equal(price, UnitPrice.Parse(price.ToAmountString(), price.Currency));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("1,000")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("0.0000000000001")]
    public void Parse_refuses_signs_exponents_grouping_whitespace_and_excess_decimals(string text)
    {
        Assert.False(UnitPrice.TryParse(text, Currency.USD, out _));
        Assert.Throws<FormatException>(() => UnitPrice.Parse(text, Currency.USD));
    }

    [Fact]
    public void Unit_prices_obey_the_value_laws()
    {
        ValueLaws.Equality(UnitPrice.Of(1.5m, Currency.USD), UnitPrice.Of(1.50m, Currency.USD), UnitPrice.Of(1.5m, Currency.EUR));
        ValueLaws.Equality(Gen.Int[0, 50].Select(Gen.Int[0, 3], (n, scale) => UnitPrice.Of(n / (decimal)Math.Pow(10, scale), Currency.USD)));
        Assert.True(UnitPrice.Of(2m, Currency.USD) == UnitPrice.Of(2.000m, Currency.USD));
    }

    [Fact]
    public void A_money_amount_is_a_valid_unit_price()
    {
        Assert.Equal(UnitPrice.Of(12.34m, Currency.EUR), UnitPrice.FromMoney(Money.FromMinor(1234, Currency.EUR)));
    }

    [Fact]
    public void Default_unit_price_fails_loudly()
    {
        var unset = default(UnitPrice);

        Assert.Throws<InvalidOperationException>(() => unset.Amount);
        Assert.Throws<InvalidOperationException>(() => unset.Currency);
        Assert.Throws<InvalidOperationException>(() => unset.Extend(1, MidpointRounding.ToEven));
        Assert.Equal("default(UnitPrice)", unset.ToString());
    }
}

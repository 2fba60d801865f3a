using System.Globalization;
using System.Numerics;
using CsCheck;
using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Money.Tests;

public sealed class MoneyTests
{
    private static readonly Gen<Currency> AnyCurrency = Gen.OneOf([.. Currency.All]);

    // Amounts well inside the long range, so sums and differences of two never overflow.
    private static readonly Gen<long> SafeMinorUnits = Gen.Long[-(1L << 60), 1L << 60];

    private static readonly Gen<Money> AnyMoney =
        Gen.Select(SafeMinorUnits, Gen.OneOf(Currency.USD, Currency.EUR, Currency.JPY), Money.FromMinor);

    [Fact]
    public void Adding_money_in_different_currencies_is_refused()
    {
        var dollars = Money.FromMinor(100, Currency.USD);
        var euros = Money.FromMinor(100, Currency.EUR);

        var error = Assert.Throws<CurrencyMismatchException>(() => dollars + euros);

        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtracting_and_comparing_money_in_different_currencies_is_refused()
    {
        var dollars = Money.FromMinor(100, Currency.USD);
        var euros = Money.FromMinor(100, Currency.EUR);

        Assert.Throws<CurrencyMismatchException>(() => dollars - euros);
        Assert.Throws<CurrencyMismatchException>(() => dollars < euros);
        Assert.Throws<CurrencyMismatchException>(() => dollars >= euros);
        Assert.Throws<CurrencyMismatchException>(() => dollars.CompareTo(euros));
    }

    [Fact]
    public void Money_in_different_currencies_is_unequal_without_throwing()
    {
        Assert.NotEqual(Money.FromMinor(100, Currency.USD), Money.FromMinor(100, Currency.EUR));
        Assert.True(Money.FromMinor(100, Currency.USD) != Money.FromMinor(100, Currency.EUR));
    }

    [Fact]
    public void Money_obeys_the_value_laws()
    {
        ValueLaws.Equality(Money.FromMinor(150, Currency.USD), Money.FromMajor(1.5m, Currency.USD, MidpointRounding.ToEven), Money.FromMinor(151, Currency.USD));
        ValueLaws.Ordering(Money.FromMinor(-5, Currency.EUR), Money.FromMinor(3, Currency.EUR));
        ValueLaws.Equality(AnyMoney);
        ValueLaws.Ordering(Gen.Select(SafeMinorUnits, m => Money.FromMinor(m % 1000, Currency.GBP)));
    }

    [Theory]
    [InlineData("1.005", MidpointRounding.ToEven, 100)]
    [InlineData("1.005", MidpointRounding.AwayFromZero, 101)]
    [InlineData("1.015", MidpointRounding.ToEven, 102)]
    [InlineData("-1.005", MidpointRounding.AwayFromZero, -101)]
    [InlineData("-1.005", MidpointRounding.ToEven, -100)]
    [InlineData("1.009", MidpointRounding.ToZero, 100)]
    [InlineData("1.001", MidpointRounding.ToPositiveInfinity, 101)]
    [InlineData("-1.001", MidpointRounding.ToNegativeInfinity, -101)]
    [InlineData("1.5", MidpointRounding.ToEven, 150)]
    public void From_major_rounds_once_with_the_named_rule(string amount, MidpointRounding rounding, long expectedCents)
    {
        var money = Money.FromMajor(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.USD, rounding);

        Assert.Equal(expectedCents, money.MinorUnits);
    }

    [Fact]
    public void From_major_refuses_an_undefined_rounding_rule()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMajor(1m, Currency.USD, (MidpointRounding)42));
    }

    [Fact]
    public void From_major_refuses_an_amount_too_large_for_minor_units()
    {
        Assert.Throws<OverflowException>(() => Money.FromMajor(100_000_000_000_000_000m, Currency.USD, MidpointRounding.ToEven));
    }

    [Fact]
    public void Yen_has_no_decimals_and_bahraini_dinar_has_three()
    {
        var yen = Money.FromMajor(1234.5m, Currency.JPY, MidpointRounding.ToEven);
        var dinar = Money.FromMinor(1_234_567, Currency.BHD);

        Assert.Equal(1234, yen.MinorUnits);
        Assert.Equal("1234 JPY", yen.ToString());
        Assert.Equal(1234.567m, dinar.Amount);
        Assert.Equal("1234.567 BHD", dinar.ToString());
        Assert.Equal("1234.567", dinar.ToMajorString());
    }

    [Fact]
    public void Text_is_invariant_with_exactly_the_currency_decimals_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var money = Money.FromMinor(123_450, Currency.EUR);

            Assert.Equal("1234.50 EUR", money.ToString());
            Assert.Equal("1234.50", money.ToMajorString());
            Assert.Equal("-0.05", Money.FromMinor(-5, Currency.EUR).ToMajorString());
            Assert.Equal("0.00", Money.Zero(Currency.EUR).ToMajorString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Amount_keeps_the_currency_scale()
    {
        Assert.Equal(2, Money.FromMinor(123_450, Currency.EUR).Amount.Scale);
        Assert.Equal(-92233720368547758.08m, Money.FromMinor(long.MinValue, Currency.USD).Amount);
    }

    [Theory]
    [InlineData("12", 1200)]
    [InlineData("12.5", 1250)]
    [InlineData("12.50", 1250)]
    [InlineData("-0.01", -1)]
    [InlineData("0", 0)]
    [InlineData("007.10", 710)]
    [InlineData("-92233720368547758.08", long.MinValue)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    public void Parse_reads_wire_amounts_in_major_units(string text, long expectedCents)
    {
        Assert.Equal(Money.FromMinor(expectedCents, Currency.USD), Money.Parse(text, Currency.USD));
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("1e3")]
    [InlineData("1E3")]
    [InlineData("1,000")]
    [InlineData("1 000")]
    [InlineData(" 1.00")]
    [InlineData("1.00 ")]
    [InlineData("+1")]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("-")]
    [InlineData("--1")]
    [InlineData("1..0")]
    [InlineData("1.0.0")]
    [InlineData("\u0661\u0662")]
    [InlineData("92233720368547758.08")]
    [InlineData("NaN")]
    public void Parse_refuses_anything_but_plain_digits_within_the_currency_decimals(string text)
    {
        Assert.False(Money.TryParse(text, Currency.USD, out _));
        var error = Assert.Throws<FormatException>(() => Money.Parse(text, Currency.USD));
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_refuses_decimals_for_a_currency_without_minor_units()
    {
        Assert.False(Money.TryParse("1.5", Currency.JPY, out _));
        Assert.False(Money.TryParse("1.0", Currency.JPY, out _));
        Assert.Equal(1500, Money.Parse("1500", Currency.JPY).MinorUnits);
        Assert.Equal(1, Money.Parse("0.001", Currency.BHD).MinorUnits);
    }

    [Fact]
    public void Parse_round_trips_to_major_string_for_every_currency()
    {
        Gen.Select(Gen.Long, AnyCurrency).Sample((minor, currency) =>
        {
            var money = Money.FromMinor(minor, currency);
            return Money.Parse(money.ToMajorString(), currency) == money;
        });
    }

    [Fact]
    public void From_major_of_the_amount_gives_back_the_same_money()
    {
        Gen.Select(Gen.Long, AnyCurrency).Sample((minor, currency) =>
        {
            var money = Money.FromMinor(minor, currency);
            return Money.FromMajor(money.Amount, currency, MidpointRounding.ToEven) == money;
        });
    }

    [Fact]
    public void Adding_then_subtracting_the_same_amount_gives_back_the_original()
    {
        Gen.Select(SafeMinorUnits, SafeMinorUnits).Sample((a, b) =>
        {
            var x = Money.FromMinor(a, Currency.EUR);
            var y = Money.FromMinor(b, Currency.EUR);
            return x + y - y == x && (x + y).MinorUnits == a + b;
        });
    }

    [Fact]
    public void Arithmetic_that_leaves_the_long_range_throws_instead_of_wrapping()
    {
        var max = Money.FromMinor(long.MaxValue, Currency.USD);
        var min = Money.FromMinor(long.MinValue, Currency.USD);
        var cent = Money.FromMinor(1, Currency.USD);

        Assert.Throws<OverflowException>(() => max + cent);
        Assert.Throws<OverflowException>(() => min - cent);
        Assert.Throws<OverflowException>(() => -min);
        Assert.Throws<OverflowException>(() => min.Abs());
        Assert.Throws<OverflowException>(() => max.Multiply(2m, MidpointRounding.ToEven));
    }

    [Fact]
    public void Negation_abs_and_sign_predicates_agree()
    {
        var debt = Money.FromMinor(-250, Currency.GBP);

        Assert.True(debt.IsNegative);
        Assert.False(debt.IsZero);
        Assert.Equal(Money.FromMinor(250, Currency.GBP), -debt);
        Assert.Equal(Money.FromMinor(250, Currency.GBP), debt.Abs());
        Assert.True((-debt).IsPositive);
        Assert.True(Money.Zero(Currency.GBP).IsZero);
    }

    [Theory]
    [InlineData(1000, "0.075", MidpointRounding.ToEven, 75)]
    [InlineData(20, "0.125", MidpointRounding.ToEven, 2)]
    [InlineData(20, "0.125", MidpointRounding.AwayFromZero, 3)]
    [InlineData(-20, "0.125", MidpointRounding.AwayFromZero, -3)]
    [InlineData(10, "0.125", MidpointRounding.AwayFromZero, 1)]
    [InlineData(999, "1", MidpointRounding.ToEven, 999)]
    public void Multiply_rounds_the_product_once_to_a_minor_unit(long cents, string factor, MidpointRounding rounding, long expected)
    {
        var product = Money.FromMinor(cents, Currency.USD).Multiply(decimal.Parse(factor, CultureInfo.InvariantCulture), rounding);

        Assert.Equal(expected, product.MinorUnits);
    }

    [Theory]
    [InlineData(100, new[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(-100, new[] { 1, 1, 1 }, new long[] { -34, -33, -33 })]
    [InlineData(1, new[] { 1, 1 }, new long[] { 1, 0 })]
    [InlineData(7, new[] { 1, 1, 1, 1 }, new long[] { 2, 2, 2, 1 })]
    [InlineData(5, new[] { 0, 1 }, new long[] { 0, 5 })]
    [InlineData(100, new[] { 1, 2, 3, 4 }, new long[] { 10, 20, 30, 40 })]
    [InlineData(10, new[] { 1, 1, 3 }, new long[] { 2, 2, 6 })]
    [InlineData(0, new[] { 2, 1 }, new long[] { 0, 0 })]
    public void Allocate_splits_by_largest_remainder_with_ties_to_the_earlier_part(long cents, int[] ratios, long[] expected)
    {
        var parts = Money.FromMinor(cents, Currency.USD).Allocate(ratios);

        Assert.Equal(expected, parts.Select(p => p.MinorUnits));
        Assert.All(parts, p => Assert.Equal(Currency.USD, p.Currency));
    }

    [Fact]
    public void Allocate_accepts_decimal_ratios_of_any_scale()
    {
        var parts = Money.FromMinor(100, Currency.EUR).Allocate([0.5m, 0.25m, 0.25m]);
        Assert.Equal([50L, 25L, 25L], parts.Select(p => p.MinorUnits));

        var vat = Money.FromMinor(1000, Currency.EUR).Allocate([0.19m, 0.81m, 0.000000000000000000001m]);
        Assert.Equal([190L, 810L, 0L], vat.Select(p => p.MinorUnits));
    }

    [Fact]
    public void Allocate_refuses_empty_negative_and_all_zero_ratios()
    {
        var money = Money.FromMinor(100, Currency.USD);

        Assert.Throws<ArgumentException>(() => money.Allocate(Array.Empty<decimal>()));
        Assert.Throws<ArgumentException>(() => money.Allocate(Array.Empty<int>()));
        Assert.Throws<ArgumentException>(() => money.Allocate([1m, -1m, 1m]));
        Assert.Throws<ArgumentException>(() => money.Allocate([1, -1]));
        Assert.Throws<ArgumentException>(() => money.Allocate([0m, 0m]));
        Assert.Throws<ArgumentException>(() => money.Allocate([0]));
    }

    [Fact]
    public void Allocated_parts_always_sum_to_the_whole_and_stay_within_one_minor_unit_of_their_share()
    {
        var ratios = Gen.Int[0, 1000].Array[1, 12].Where(r => r.Any(x => x > 0));
        Gen.Select(Gen.Long, ratios).Sample((minor, weights) =>
        {
            var parts = Money.FromMinor(minor, Currency.USD).Allocate(weights);
            var total = weights.Sum(w => (long)w);

            var sum = parts.Aggregate(BigInteger.Zero, (acc, p) => acc + p.MinorUnits);
            if (sum != minor || parts.Count != weights.Length)
            {
                return false;
            }

            for (var i = 0; i < weights.Length; i++)
            {
                // |part - minor * w / total| < 1, scaled by total to stay in integers.
                var error = BigInteger.Abs((new BigInteger(parts[i].MinorUnits) * total) - (new BigInteger(minor) * weights[i]));
                if (error >= total || (weights[i] == 0 && parts[i].MinorUnits != 0))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Default_money_fails_loudly_instead_of_acting_as_zero()
    {
        var unset = default(Money);
        var cent = Money.FromMinor(1, Currency.USD);

        Assert.Throws<InvalidOperationException>(() => unset.Currency);
        Assert.Throws<InvalidOperationException>(() => unset.Amount);
        Assert.Throws<InvalidOperationException>(() => unset.MinorUnits);
        Assert.Throws<InvalidOperationException>(() => unset.IsZero);
        Assert.Throws<InvalidOperationException>(() => unset + cent);
        Assert.Throws<InvalidOperationException>(() => cent + unset);
        Assert.Throws<InvalidOperationException>(() => -unset);
        Assert.Throws<InvalidOperationException>(() => unset < cent);
        Assert.Throws<InvalidOperationException>(() => unset.ToMajorString());
        Assert.Throws<InvalidOperationException>(() => unset.Allocate([1, 1]));
        Assert.Throws<InvalidOperationException>(() => unset.Format(CultureInfo.InvariantCulture));
        Assert.Equal("default(Money)", unset.ToString());
        Assert.True(unset == default(Money));
        Assert.False(unset == Money.Zero(Currency.USD));
    }

    [Theory]
    [InlineData("en-US", "USD", 123450, "$1,234.50")]
    [InlineData("en-CA", "USD", 123450, "US$1,234.50")]
    [InlineData("en-CA", "CAD", 123450, "$1,234.50")]
    [InlineData("en-US", "CAD", 123450, "CA$1,234.50")]
    [InlineData("en-US", "BHD", 1234567, "BHD1,234.567")]
    [InlineData("en-US", "JPY", 1234, "¥1,234")]
    [InlineData("en-GB", "EUR", -500, "-€5.00")]
    public void Format_uses_the_culture_pattern_with_a_symbol_that_cannot_be_mistaken(string culture, string currency, long minor, string expected)
    {
        var money = Money.FromMinor(minor, Currency.FromCode(currency));

        Assert.Equal(expected, money.Format(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void Format_uses_the_culture_separators_and_the_currency_decimals()
    {
        var formatted = Money.FromMinor(123450, Currency.USD).Format(CultureInfo.GetCultureInfo("de-DE"));

        // ICU separates amount and symbol with a no-break space in de-DE; which one is ICU's business.
        Assert.StartsWith("1.234,50", formatted, StringComparison.Ordinal);
        Assert.EndsWith("$", formatted, StringComparison.Ordinal);
        Assert.DoesNotContain("US$", formatted, StringComparison.Ordinal);
        Assert.Contains("1.234,567", Money.FromMinor(1234567, Currency.BHD).Format(CultureInfo.GetCultureInfo("de-DE")), StringComparison.Ordinal);
    }
}

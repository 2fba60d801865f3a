using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Money.Tests;

public sealed class CurrencyTests
{
    [Fact]
    public void The_registry_holds_at_least_150_currencies_sorted_by_code()
    {
        Assert.True(Currency.All.Count >= 150, $"only {Currency.All.Count} currencies");
        var codes = Currency.All.Select(c => c.Code).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("USD", 840, 2, "US Dollar")]
    [InlineData("EUR", 978, 2, "Euro")]
    [InlineData("JPY", 392, 0, "Yen")]
    [InlineData("BHD", 48, 3, "Bahraini Dinar")]
    [InlineData("KRW", 410, 0, "Won")]
    [InlineData("CLF", 990, 4, "Unidad de Fomento")]
    [InlineData("XCG", 532, 2, "Caribbean Guilder")]
    public void A_currency_carries_its_iso_numeric_code_minor_units_and_name(string code, int numeric, int minorUnits, string name)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(numeric, currency.NumericCode);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(name, currency.Name);
    }

    [Fact]
    public void The_convenience_statics_are_the_registry_instances()
    {
        Assert.Same(Currency.FromCode("USD"), Currency.USD);
        Assert.Same(Currency.FromCode("EUR"), Currency.EUR);
        Assert.Same(Currency.FromCode("GBP"), Currency.GBP);
        Assert.Same(Currency.FromCode("JPY"), Currency.JPY);
        Assert.Same(Currency.FromCode("AUD"), Currency.AUD);
        Assert.Same(Currency.FromCode("INR"), Currency.INR);
        Assert.Same(Currency.FromCode("KRW"), Currency.KRW);
        Assert.Same(Currency.FromCode("CAD"), Currency.CAD);
        Assert.Same(Currency.FromCode("CHF"), Currency.CHF);
        Assert.Same(Currency.FromCode("BHD"), Currency.BHD);
    }

    [Theory]
    [InlineData("ZZZ")]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("")]
    [InlineData(" USD")]
    public void An_unknown_or_malformed_code_is_refused_with_a_message_naming_it(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));

        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryFromCode(code, out var currency));
        Assert.Null(currency);
    }

    [Theory]
    [InlineData("HRK")]
    [InlineData("SLL")]
    [InlineData("VEF")]
    [InlineData("ANG")]
    [InlineData("MRO")]
    public void A_withdrawn_currency_is_not_registered(string code)
    {
        Assert.False(Currency.TryFromCode(code, out _));
    }

    [Theory]
    [InlineData("XAU")]
    [InlineData("XAG")]
    [InlineData("XDR")]
    [InlineData("XTS")]
    [InlineData("XXX")]
    public void A_currency_without_a_minor_unit_is_refused_as_unusable_for_money(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));

        Assert.Contains("no minor unit", error.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryFromCode(code, out _));
        Assert.DoesNotContain(Currency.All, c => c.Code == code);
    }

    [Fact]
    public void Try_from_code_refuses_null()
    {
        Assert.False(Currency.TryFromCode(null, out var currency));
        Assert.Null(currency);
    }

    [Fact]
    public void Currencies_obey_the_value_laws()
    {
        ValueLaws.Equality(Currency.EUR, Currency.FromCode("EUR"), Currency.USD);
        ValueLaws.Ordering(Currency.EUR, Currency.USD);
        Assert.True(Currency.EUR == Currency.FromCode("EUR"));
        Assert.True(Currency.EUR != Currency.USD);
        Assert.True(Currency.EUR < Currency.USD);
    }

    [Fact]
    public void A_currency_prints_as_its_code()
    {
        Assert.Equal("CHF", Currency.CHF.ToString());
    }
}

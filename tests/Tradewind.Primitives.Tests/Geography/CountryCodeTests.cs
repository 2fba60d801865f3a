using CsCheck;
using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Geography.Tests;

public sealed class CountryCodeTests
{
    [Fact]
    public void A_registered_code_parses_and_leads_to_its_country()
    {
        var code = CountryCode.Parse("DE");

        Assert.Equal("DE", code.Value);
        Assert.Equal("DE", code.ToString());
        Assert.Equal("Germany", code.Country.Name);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("EU")]
    [InlineData("de")]
    [InlineData("D")]
    [InlineData("DEU")]
    [InlineData(" DE")]
    public void A_code_that_is_not_an_assigned_country_is_refused(string text)
    {
        Assert.False(CountryCode.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => CountryCode.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_registered_country_code_round_trips_through_text()
    {
        Gen.OneOf([.. Countries.All]).Sample(country => CountryCode.Parse(country.Code.ToString()) == country.Code);
    }

    [Fact]
    public void Country_codes_obey_the_value_laws()
    {
        ValueLaws.Equality(CountryCode.Parse("US"), Country.FromCode("US").Code, CountryCode.Parse("CA"));
        ValueLaws.Equality(Gen.OneOf([.. Countries.All]).Select(c => c.Code));
    }

    [Fact]
    public void Default_country_code_holds_no_code()
    {
        var unset = default(CountryCode);

        Assert.Throws<InvalidOperationException>(() => unset.Value);
        Assert.Throws<InvalidOperationException>(() => unset.Country);
        Assert.Equal(string.Empty, unset.ToString());
        Assert.False(CountryCode.TryParse(null, out var parsed));
        Assert.Equal(default, parsed);
    }
}

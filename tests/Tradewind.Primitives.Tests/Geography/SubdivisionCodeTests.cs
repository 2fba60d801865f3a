using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Geography.Tests;

public sealed class SubdivisionCodeTests
{
    [Fact]
    public void A_registered_code_parses_and_knows_its_country()
    {
        var code = SubdivisionCode.Parse("US-CA");

        Assert.Equal("US-CA", code.Value);
        Assert.Equal(CountryCode.Parse("US"), code.Country);
        Assert.Equal("California", code.Subdivision.Name);
    }

    [Theory]
    [InlineData("US-XX")]
    [InlineData("us-ca")]
    [InlineData("FR-75")]
    [InlineData("CA")]
    [InlineData("US-")]
    [InlineData("")]
    public void A_code_that_is_not_registered_is_refused(string text)
    {
        Assert.False(SubdivisionCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SubdivisionCode.Parse(text));
    }

    [Fact]
    public void Subdivision_codes_obey_the_value_laws()
    {
        ValueLaws.Equality(SubdivisionCode.Parse("IN-KA"), Subdivision.FromCode("IN-KA").Code, SubdivisionCode.Parse("IN-KL"));
    }

    [Fact]
    public void Default_subdivision_code_holds_no_code()
    {
        Assert.Throws<InvalidOperationException>(() => default(SubdivisionCode).Value);
        Assert.Throws<InvalidOperationException>(() => default(SubdivisionCode).Country);
        Assert.Equal(string.Empty, default(SubdivisionCode).ToString());
    }
}

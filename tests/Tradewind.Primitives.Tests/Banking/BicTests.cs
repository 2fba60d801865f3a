using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Banking.Tests;

public sealed class BicTests
{
    [Theory]
    [InlineData("DEUTDEFF", "DEUT", "DE", "FF", null)]
    [InlineData("NWBKGB2LXXX", "NWBK", "GB", "2L", "XXX")]
    [InlineData("abnanl2a", "ABNA", "NL", "2A", null)]
    [InlineData("NOLA DE21 KIE", "NOLA", "DE", "21", "KIE")]
    [InlineData("ABN4NL2A", "ABN4", "NL", "2A", null)]
    public void A_well_formed_BIC_parses_into_its_parts(string text, string institution, string country, string location, string? branch)
    {
        var bic = Bic.Parse(text);

        Assert.Equal(institution, bic.InstitutionCode);
        Assert.Equal(country, bic.CountryPrefix);
        Assert.Equal(CountryCode.Parse(country), bic.Country);
        Assert.Equal(location, bic.LocationCode);
        Assert.Equal(branch, bic.BranchCode);
    }

    [Theory]
    [InlineData("INGDEFFXXX", "A BIC has 8 or 11 characters; this one has 10.")]
    [InlineData("ABNAXX2A", "XX in characters 5 and 6 of this BIC is not an ISO 3166 country code.")]
    [InlineData("ABNA1L2A", "Characters 5 and 6 of a BIC are a country code; this one has '1L'.")]
    [InlineData("DEUT-DEFF", "A BIC contains only letters and digits; this one contains '-'.")]
    [InlineData("", "No BIC was given.")]
    public void A_malformed_BIC_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Equal(reason, Bic.Validate(text).Reason);
        Assert.False(Bic.TryParse(text, out _));
    }

    [Fact]
    public void Kosovo_BICs_are_accepted_like_Kosovo_IBANs()
    {
        var bic = Bic.Parse("RBKOXKPR");

        Assert.Equal("XK", bic.CountryPrefix);
        Assert.Null(bic.Country);
    }

    [Fact]
    public void A_zero_as_the_eighth_character_marks_a_test_BIC()
    {
        Assert.True(Bic.Parse("NEDSZAJ0XXX").IsTestBic);
        Assert.False(Bic.Parse("NEDSZAJJXXX").IsTestBic);
    }

    [Fact]
    public void The_eight_and_eleven_character_forms_are_different_values_of_one_institution()
    {
        var shortForm = Bic.Parse("DEUTDEFF");
        var longForm = Bic.Parse("DEUTDEFFXXX");

        Assert.NotEqual(shortForm, longForm);
        Assert.Equal(shortForm.Institution8, longForm.Institution8);
    }

    [Fact]
    public void BICs_obey_the_value_laws()
    {
        ValueLaws.Equality(Bic.Parse("DEUTDEFF"), Bic.Parse("deut deff"), Bic.Parse("NWBKGB2L"));
    }
}

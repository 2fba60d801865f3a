using Tradewind.Accounts.Routing;
using Tradewind.Accounts.SellerEntities;
using Tradewind.Primitives.Geography;

namespace Tradewind.Accounts.Tests.Routing;

public sealed class EmeaTests
{
    [Fact]
    public void Every_EMEA_code_is_a_known_country()
    {
        Assert.All(Emea.Countries, code => Assert.True(Country.TryFromCode(code, out _), code));
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("GB")]
    [InlineData("TR")]
    [InlineData("ZA")]
    [InlineData("AE")]
    [InlineData("EG")]
    [InlineData("NG")]
    public void Europe_the_Middle_East_and_Africa_are_in(string code) => Assert.True(Emea.Contains(code));

    [Theory]
    [InlineData("US")]
    [InlineData("JP")]
    [InlineData("IN")]
    [InlineData("KZ")]
    [InlineData("BR")]
    [InlineData("GL")]
    public void Other_regions_are_out(string code) => Assert.False(Emea.Contains(code));

    [Fact]
    public void The_eligible_jurisdictions_are_the_EU_27_and_16_others_all_known_countries()
    {
        Assert.Equal(27, EligibleJurisdictions.EuropeanUnion.Count);
        Assert.Equal(43, EligibleJurisdictions.All.Count);
        Assert.All(EligibleJurisdictions.All, code => Assert.True(Country.TryFromCode(code, out _), code));
        Assert.True(EligibleJurisdictions.Contains("IN"));
    }

    [Theory]
    [InlineData("DE", true)]
    [InlineData("GB", true)]
    [InlineData("CH", true)]
    [InlineData("NO", true)]
    [InlineData("IL", true)]
    [InlineData("AE", true)]
    [InlineData("BH", true)]
    [InlineData("QA", true)]
    [InlineData("TR", false)] // in EMEA, but not an eligible jurisdiction
    [InlineData("ZA", false)]
    [InlineData("US", false)]
    [InlineData("IN", false)]
    [InlineData("JP", false)]
    public void A_seller_is_EMEA_eligible_when_established_in_an_eligible_EMEA_jurisdiction(string code, bool eligible)
    {
        Assert.Equal(eligible, EligibleJurisdictions.IsEmeaEligible(code));
    }
}

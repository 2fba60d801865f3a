using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Geography.Tests;

public sealed class CountryTests
{
    [Fact]
    public void All_249_iso_3166_countries_are_registered_sorted_by_code()
    {
        Assert.Equal(249, Countries.All.Count);
        var codes = Countries.All.Select(c => c.Code.Value).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(249, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(249, Countries.All.Select(c => c.Alpha3).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("DE", "DEU", 276, "Germany")]
    [InlineData("US", "USA", 840, "United States")]
    [InlineData("IN", "IND", 356, "India")]
    [InlineData("JP", "JPN", 392, "Japan")]
    [InlineData("AX", "ALA", 248, "Åland Islands")]
    public void A_country_carries_its_iso_codes_and_english_short_name(string code, string alpha3, int numeric, string name)
    {
        var country = Country.FromCode(code);

        Assert.Equal(code, country.Code.Value);
        Assert.Equal(alpha3, country.Alpha3);
        Assert.Equal(numeric, country.NumericCode);
        Assert.Equal(name, country.Name);
    }

    [Fact]
    public void The_united_states_have_fifty_states_and_the_district_of_columbia()
    {
        var subdivisions = Country.FromCode("US").Subdivisions;

        Assert.Equal(50, subdivisions.Count(s => s.Category == "state"));
        Assert.Single(subdivisions, s => s.Code.Value == "US-DC" && s.Category == "district");
        Assert.Contains(subdivisions, s => s.Code.Value == "US-PR" && s.Name == "Puerto Rico");
        Assert.Equal(subdivisions.Select(s => s.Code.Value).Order(StringComparer.Ordinal), subdivisions.Select(s => s.Code.Value));
    }

    [Fact]
    public void Canada_has_ten_provinces_and_three_territories()
    {
        var subdivisions = Country.FromCode("CA").Subdivisions;

        Assert.Equal(13, subdivisions.Count);
        Assert.Equal(10, subdivisions.Count(s => s.Category == "province"));
        Assert.Equal(3, subdivisions.Count(s => s.Category == "territory"));
    }

    [Fact]
    public void India_has_28_states_and_8_union_territories()
    {
        var subdivisions = Country.FromCode("IN").Subdivisions;

        Assert.Equal(36, subdivisions.Count);
        Assert.Equal(28, subdivisions.Count(s => s.Category == "state"));
        Assert.Equal(8, subdivisions.Count(s => s.Category == "union territory"));
    }

    [Fact]
    public void A_country_without_registered_subdivisions_has_none()
    {
        Assert.Empty(Country.FromCode("DE").Subdivisions);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("de")]
    [InlineData("DEU")]
    [InlineData("UK")]
    [InlineData("")]
    public void An_unknown_or_malformed_code_is_refused(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => Country.FromCode(code));

        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
        Assert.False(Country.TryFromCode(code, out _));
    }

    [Fact]
    public void Countries_obey_the_value_laws()
    {
        ValueLaws.Equality(Country.FromCode("FR"), Countries.All.Single(c => c.Alpha3 == "FRA"), Country.FromCode("DE"));
        Assert.Equal("FR", Country.FromCode("FR").ToString());
    }
}

using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Geography.Tests;

public sealed class SubdivisionTests
{
    [Theory]
    [InlineData("US-CA", "California", "state")]
    [InlineData("US-DC", "District of Columbia", "district")]
    [InlineData("US-PR", "Puerto Rico", "outlying area")]
    [InlineData("CA-QC", "Quebec", "province")]
    [InlineData("CA-YT", "Yukon", "territory")]
    [InlineData("IN-DL", "Delhi", "union territory")]
    [InlineData("IN-MH", "Mahārāshtra", "state")]
    public void A_subdivision_carries_its_iso_name_and_category(string code, string name, string category)
    {
        var subdivision = Subdivision.FromCode(code);

        Assert.Equal(code, subdivision.Code.Value);
        Assert.Equal(name, subdivision.Name);
        Assert.Equal(category, subdivision.Category);
        Assert.Equal(code[..2], subdivision.Country.Value);
        Assert.Contains(subdivision, subdivision.Country.Country.Subdivisions);
    }

    [Fact]
    public void An_unregistered_subdivision_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Subdivision.FromCode("DE-BY"));
        Assert.False(Subdivision.TryFromCode("DE-BY", out _));
        Assert.False(Subdivision.TryFromCode(null, out _));
    }

    [Fact]
    public void Subdivisions_obey_the_value_laws()
    {
        ValueLaws.Equality(Subdivision.FromCode("CA-ON"), Country.FromCode("CA").Subdivisions.Single(s => s.Name == "Ontario"), Subdivision.FromCode("CA-QC"));
        Assert.Equal("CA-ON", Subdivision.FromCode("CA-ON").ToString());
    }
}

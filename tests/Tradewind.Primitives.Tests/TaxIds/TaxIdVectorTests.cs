using Tradewind.Primitives.Geography;

namespace Tradewind.Primitives.TaxIds.Tests;

/// <summary>The published test vectors (TestData/README.md) against the validators.</summary>
public sealed class TaxIdVectorTests
{
    [Theory]
    [MemberData(nameof(TaxIdVectors.Valid), MemberType = typeof(TaxIdVectors))]
    public void Every_valid_vector_is_accepted(string country, string vector)
    {
        var result = TaxId.Validate(CountryCode.Parse(country), vector);

        Assert.True(result.IsValid, $"{country} {vector}: {result}");
    }

    [Theory]
    [MemberData(nameof(TaxIdVectors.Invalid), MemberType = typeof(TaxIdVectors))]
    public void Every_invalid_vector_is_refused(string country, string vector)
    {
        var result = TaxId.Validate(CountryCode.Parse(country), vector);

        Assert.False(result.IsValid, $"{country} {vector} was accepted as {(result.IsValid ? result.TaxId.Value : null)}");
    }

    [Theory]
    [MemberData(nameof(TaxIdVectors.WrongCheckDigitOnly), MemberType = typeof(TaxIdVectors))]
    public void A_vector_with_the_right_shape_but_a_wrong_check_digit_is_refused(string country, string vector)
    {
        var result = TaxId.Validate(CountryCode.Parse(country), vector);

        Assert.False(result.IsValid, $"{country} {vector} was accepted as {(result.IsValid ? result.TaxId.Value : null)}");
    }

    [Theory]
    [MemberData(nameof(TaxIdVectors.ExcludedValid), MemberType = typeof(TaxIdVectors))]
    public void A_listed_valid_vector_that_fails_the_published_check_is_refused(string country, string vector)
    {
        var result = TaxId.Validate(CountryCode.Parse(country), vector);

        Assert.Equal(TaxIdValidationCodes.CheckDigit, result.Code);
    }

    [Theory]
    [MemberData(nameof(TaxIdVectors.ExcludedInvalid), MemberType = typeof(TaxIdVectors))]
    public void A_listed_invalid_vector_that_passes_the_published_check_is_accepted(string country, string vector)
    {
        var result = TaxId.Validate(CountryCode.Parse(country), vector);

        Assert.True(result.IsValid, $"{country} {vector}: {result}");
    }

    [Fact]
    public void Every_valid_vector_round_trips_through_its_canonical_value()
    {
        foreach (var (country, vector) in TaxIdVectors.AllValid)
        {
            var code = CountryCode.Parse(country);
            if (!TaxId.TryParse(code, vector, out var taxId))
            {
                continue;
            }

            Assert.Equal(taxId, TaxId.Parse(code, taxId.Value));
            Assert.Equal(taxId, TaxId.Parse(code, taxId.Display));
        }
    }
}

using CsCheck;

namespace Tradewind.Primitives.Banking.Tests;

public sealed class SepaCreditorIdTests
{
    private static readonly string[] Countries = ["DE", "FR", "LU", "NL", "IT", "ES", "AT"];

    [Theory]
    [InlineData("DE98ZZZ09999999999", "DE", "ZZZ", "09999999999")]
    [InlineData("de98 zzz 0999 9999 999", "DE", "ZZZ", "09999999999")]
    [InlineData("LU87ZZZ0000000000000000123", "LU", "ZZZ", "0000000000000000123")]
    [InlineData("DE98ABC09999999999", "DE", "ABC", "09999999999")]
    public void A_valid_identifier_parses_into_its_parts(string text, string country, string businessCode, string nationalId)
    {
        var id = SepaCreditorId.Parse(text);

        Assert.Equal(country, id.CountryPrefix);
        Assert.Equal(businessCode, id.BusinessCode);
        Assert.Equal(nationalId, id.NationalId);
    }

    [Fact]
    public void The_business_code_takes_no_part_in_the_check_digits()
    {
        Assert.Equal("DE98ZZZ09999999999", SepaCreditorId.Create("DE", "09999999999").Value);
        Assert.Equal("DE98XYZ09999999999", SepaCreditorId.Create("DE", "09999999999", "XYZ").Value);
    }

    [Theory]
    [InlineData("DE97ZZZ09999999999", "The check digits do not match (ISO 7064 MOD 97-10 over the national id and country).")]
    [InlineData("DE98ZZZ09999999998", "The check digits do not match (ISO 7064 MOD 97-10 over the national id and country).")]
    [InlineData("XX98ZZZ09999999999", "'XX' is not an ISO 3166-1 country code.")]
    [InlineData("DEAAZZZ09999999999", "Characters 3 and 4 of a SEPA creditor identifier are check digits.")]
    [InlineData("DE98ZZZ", "A SEPA creditor identifier has 8 to 35 characters: country, check digits, business code and national id, e.g. DE98ZZZ09999999999.")]
    [InlineData("DE98ZZZ0999-999999", "A SEPA creditor identifier holds only letters and digits.")]
    public void A_wrong_identifier_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Equal(reason, SepaCreditorId.Validate(text).Reason);
        Assert.False(SepaCreditorId.TryParse(text, out _));
    }

    [Fact]
    public void Every_created_identifier_parses_back_to_itself() =>
        Gen.Select(Gen.Int[0, Countries.Length - 1].Select(i => Countries[i]), Gen.Char["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"].Array[1, 28], Gen.Char['A', 'Z'].Array[3])
            .Sample((country, national, code) =>
            {
                var id = SepaCreditorId.Create(country, new string(national), new string(code));
                return SepaCreditorId.Parse(id.Value) == id && id.NationalId == new string(national) && id.BusinessCode == new string(code);
            });
}

namespace Tradewind.Primitives.Banking.Tests;

public sealed class AustralianBsbTests
{
    [Theory]
    [InlineData("062-000", "062000")] // Commonwealth Bank
    [InlineData("032 000", "032000")] // Westpac
    [InlineData("083004", "083004")] // NAB
    public void A_BSB_in_any_customary_spelling_is_six_digits(string text, string digits)
    {
        var bsb = AustralianBsb.Parse(text);

        Assert.Equal(digits, bsb.ToString());
        Assert.Equal($"{digits[..3]}-{digits[3..]}", bsb.ToPrintString());
    }

    [Theory]
    [InlineData("062-00", "An Australian BSB has 6 digits; this one has 5.")]
    [InlineData("0620001", "An Australian BSB has 6 digits; this one has 7.")]
    [InlineData("O62-000", "An Australian BSB contains only digits; this one contains 'O'.")]
    [InlineData(null, "No Australian BSB was given.")]
    public void A_malformed_BSB_is_refused_with_the_reason(string? text, string reason)
    {
        Assert.Equal(reason, AustralianBsb.Validate(text).Reason);
    }
}

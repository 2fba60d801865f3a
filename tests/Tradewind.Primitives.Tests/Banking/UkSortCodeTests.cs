namespace Tradewind.Primitives.Banking.Tests;

public sealed class UkSortCodeTests
{
    [Theory]
    [InlineData("60-16-13", "601613")] // NatWest, from the SWIFT registry's GB example
    [InlineData("20 00 00", "200000")] // Barclays
    [InlineData("400515", "400515")] // HSBC
    public void A_sort_code_in_any_customary_spelling_is_six_digits(string text, string digits)
    {
        var sortCode = UkSortCode.Parse(text);

        Assert.Equal(digits, sortCode.ToString());
        Assert.Equal($"{digits[..2]}-{digits[2..4]}-{digits[4..]}", sortCode.ToPrintString());
    }

    [Theory]
    [InlineData("60-16-1", "A UK sort code has 6 digits; this one has 5.")]
    [InlineData("60161300", "A UK sort code has 6 digits; this one has 8.")]
    [InlineData("60.16.13", "A UK sort code contains only digits; this one contains '.'.")]
    [InlineData("", "No UK sort code was given.")]
    public void A_malformed_sort_code_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Equal(reason, UkSortCode.Validate(text).Reason);
        Assert.False(UkSortCode.TryParse(text, out _));
    }
}

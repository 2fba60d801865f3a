namespace Tradewind.Primitives.Banking.Tests;

public sealed class AbaRoutingNumberTests
{
    [Theory]
    [InlineData("011000015")] // Federal Reserve Bank of Boston
    [InlineData("021000021")] // JPMorgan Chase, New York
    [InlineData("121000358")] // Bank of America, California
    [InlineData("091000019")] // Wells Fargo, Minnesota
    [InlineData("322271627")] // Chase, California (thrift range 21–32)
    [InlineData("0110-0001-5")]
    public void A_published_routing_number_is_valid(string text)
    {
        Assert.True(AbaRoutingNumber.Validate(text).Valid);
        Assert.Equal(text.Replace("-", string.Empty, StringComparison.Ordinal), AbaRoutingNumber.Parse(text).ToString());
    }

    [Theory]
    [InlineData("021000022", "The check digit of this US ABA routing number does not match (weights 3, 7, 1, mod 10).")]
    [InlineData("123456789", "The check digit of this US ABA routing number does not match (weights 3, 7, 1, mod 10).")]
    [InlineData("01100001", "A US ABA routing number has 9 digits; this one has 8.")]
    [InlineData("01100001X", "A US ABA routing number contains only digits; this one contains 'X'.")]
    [InlineData("000000000", "000000000 is a placeholder, not a routing number.")]
    [InlineData("", "No US ABA routing number was given.")]
    public void A_malformed_routing_number_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Equal(reason, AbaRoutingNumber.Validate(text).Reason);
        Assert.Equal(reason, Assert.Throws<FormatException>(() => AbaRoutingNumber.Parse(text)).Message);
    }

    [Theory]
    [InlineData("13")]
    [InlineData("20")]
    [InlineData("50")]
    [InlineData("73")]
    [InlineData("81")]
    [InlineData("99")]
    public void A_routing_number_outside_the_Federal_Reserve_symbols_is_refused_even_with_a_good_check_digit(string prefix)
    {
        var number = WithCheckDigit(prefix + "000000");

        var check = AbaRoutingNumber.Validate(number);

        Assert.False(check.Valid);
        Assert.StartsWith("A US ABA routing number starts with 00–12, 21–32, 61–72 or 80", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("12")]
    [InlineData("21")]
    [InlineData("32")]
    [InlineData("61")]
    [InlineData("72")]
    [InlineData("80")]
    public void Every_Federal_Reserve_symbol_range_is_accepted(string prefix)
    {
        Assert.True(AbaRoutingNumber.Validate(WithCheckDigit(prefix + "000001")).Valid);
    }

    private static string WithCheckDigit(string eight)
    {
        for (var d = 0; d <= 9; d++)
        {
            var candidate = eight + (char)('0' + d);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (candidate[i] - '0') * (i % 3) switch { 0 => 3, 1 => 7, _ => 1 };
            }

            if (sum % 10 == 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Some digit always completes the check.");
    }
}

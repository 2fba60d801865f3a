namespace Tradewind.Primitives.Banking.Tests;

public sealed class ClabeTests
{
    [Theory]
    [InlineData("032180000118359719")] // python-stdnum's example
    [InlineData("002010077777777771")] // Banamex example
    [InlineData("014027000005555558")] // Santander example
    [InlineData("646180157000000004")] // STP
    [InlineData("0321 8000 0118 3597 19")]
    public void A_published_CLABE_is_valid(string text)
    {
        Assert.True(Clabe.Validate(text).Valid);
    }

    [Fact]
    public void A_CLABE_splits_into_bank_plaza_account_and_check_digit()
    {
        var clabe = Clabe.Parse("032180000118359719");

        Assert.Equal("032", clabe.BankCode);
        Assert.Equal("180", clabe.PlazaCode);
        Assert.Equal("00011835971", clabe.AccountNumber);
    }

    [Theory]
    [InlineData("032180000118359718", "The check digit of this CLABE does not match (weights 3, 7, 1, mod 10).")]
    [InlineData("032180000118359791", "The check digit of this CLABE does not match (weights 3, 7, 1, mod 10).")]
    [InlineData("03218000011835971", "A CLABE has 18 digits; this one has 17.")]
    [InlineData("03218000011835971X", "A CLABE contains only digits; this one contains 'X'.")]
    public void A_malformed_CLABE_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Equal(reason, Clabe.Validate(text).Reason);
    }
}

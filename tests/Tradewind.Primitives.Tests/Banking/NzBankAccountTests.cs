namespace Tradewind.Primitives.Banking.Tests;

public sealed class NzBankAccountTests
{
    // From python-stdnum's nz/bankaccount doctests (IRD algorithm examples and numbers found online).
    [Theory]
    [InlineData("01-0242-0100194-00", "0102420100194000")]
    [InlineData("01-902-0068389-00", "0109020068389000")] // algorithm A
    [InlineData("08-6523-1954512-001", "0865231954512001")] // algorithm D
    [InlineData("01-902-0998384-00", "0109020998384000")] // algorithm B: account base 0990000 and up
    [InlineData("06 – 0177 – 0140 367 – 01", "0601770140367001")]
    [InlineData("38-9008-0242371-0", "3890080242371000")]
    [InlineData("030175 0660238 00", "0301750660238000")]
    public void A_published_account_number_is_valid_and_compacts_to_sixteen_digits(string text, string digits)
    {
        var account = NzBankAccount.Parse(text);

        Assert.Equal(digits, account.ToString());
        Assert.Equal($"{digits[..2]}-{digits[2..6]}-{digits[6..13]}-{digits[13..]}", account.ToPrintString());
    }

    [Theory]
    [InlineData("01-0242-0100195-00", "The check digits of this New Zealand bank account number do not match (IRD algorithm A).")]
    [InlineData("08-6523-1954513-001", "The check digits of this New Zealand bank account number do not match (IRD algorithm D).")]
    [InlineData("07-0242-0100194-00", "07 is not a New Zealand bank code.")]
    [InlineData("01-0242-01001X4-00", "A New Zealand bank account number contains only digits; this one contains 'X'.")]
    public void A_malformed_account_number_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Equal(reason, NzBankAccount.Validate(text).Reason);
    }
}

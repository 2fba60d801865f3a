namespace Tradewind.Primitives.Banking.Tests;

public sealed class IfscTests
{
    [Theory]
    [InlineData("HDFC0000001", "HDFC", "000001")]
    [InlineData("SBIN0000300", "SBIN", "000300")]
    [InlineData("icic0000011", "ICIC", "000011")]
    [InlineData("UTIB0SGF001", "UTIB", "SGF001")]
    public void An_IFSC_splits_into_bank_and_branch(string text, string bank, string branch)
    {
        var ifsc = Ifsc.Parse(text);

        Assert.Equal(bank, ifsc.BankCode);
        Assert.Equal(branch, ifsc.BranchCode);
    }

    [Theory]
    [InlineData("HDFC1000001", "The fifth character of an IFSC is always 0; this one has '1'.")]
    [InlineData("HDF00000001", "An IFSC starts with a 4-letter bank code; this one starts with 'HDF0'.")]
    [InlineData("HDFC000001", "An IFSC has 11 characters; this one has 10.")]
    [InlineData("HDFC-000001", "An IFSC contains only letters and digits; this one contains '-'.")]
    public void A_malformed_IFSC_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Equal(reason, Ifsc.Validate(text).Reason);
    }
}

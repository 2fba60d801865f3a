namespace Tradewind.Primitives.Banking.Tests;

public sealed class JapaneseBankBranchTests
{
    [Theory]
    [InlineData("0001-001", "0001", "001")] // Mizuho Bank, Tokyo head office
    [InlineData("0005 001", "0005", "001")] // MUFG Bank
    [InlineData("0009123", "0009", "123")] // SMBC
    public void A_bank_and_branch_code_splits_into_four_and_three_digits(string text, string bank, string branch)
    {
        var code = JapaneseBankBranch.Parse(text);

        Assert.Equal(bank, code.BankCode);
        Assert.Equal(branch, code.BranchCode);
        Assert.Equal($"{bank}-{branch}", code.ToPrintString());
    }

    [Theory]
    [InlineData("001-0001")]
    [InlineData("0001-01")]
    [InlineData("00010011")]
    [InlineData("0001-00A")]
    public void A_malformed_bank_and_branch_code_is_refused(string text)
    {
        var check = JapaneseBankBranch.Validate(text);

        Assert.False(check.Valid);
        Assert.Contains("Japanese bank and branch code", check.Reason, StringComparison.Ordinal);
    }
}

using Microsoft.AspNetCore.DataProtection;
using Tradewind.Accounts.BankAccounts;

namespace Tradewind.Accounts.Tests.BankAccounts;

public sealed class BankAccountProtectorTests
{
    private static readonly BankDetails Details = new("DE", "EUR", "DE89 3704 0044 0532 0130 00", null, "COBADEFFXXX", null, "iban:DE89370400440532013000");

    private readonly BankAccountProtector _protector = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void Details_round_trip_and_the_protected_form_holds_no_part_of_the_account()
    {
        var protectedDetails = _protector.Protect(Details);

        Assert.Equal(Details, _protector.Unprotect(protectedDetails));
        Assert.DoesNotContain("0532", protectedDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("DE89", protectedDetails, StringComparison.Ordinal);
        Assert.DoesNotContain("COBADEFF", protectedDetails, StringComparison.Ordinal);
    }

    [Fact]
    public void Deposit_amounts_round_trip_encrypted()
    {
        var protectedAmounts = _protector.ProtectAmounts([7, 93]);

        Assert.Equal([7L, 93L], _protector.UnprotectAmounts(protectedAmounts));
        Assert.DoesNotContain(",", protectedAmounts, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_purpose_cannot_read_the_details()
    {
        var provider = new EphemeralDataProtectionProvider();
        var protectedDetails = new BankAccountProtector(provider).Protect(Details);

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => provider.CreateProtector("Tradewind.Something.Else").Unprotect(protectedDetails));
    }

    [Fact]
    public void The_fingerprint_is_a_stable_SHA256_of_the_normalized_key_and_the_last_four_are_the_accounts()
    {
        var fingerprint = BankAccountProtector.Fingerprint(Details.Normalized);

        Assert.Equal(64, fingerprint.Length);
        Assert.Equal(fingerprint, BankAccountProtector.Fingerprint("iban:DE89370400440532013000"));
        Assert.NotEqual(fingerprint, BankAccountProtector.Fingerprint("iban:DE89370400440532013001"));
        Assert.DoesNotContain("0532013000", fingerprint, StringComparison.Ordinal);
        Assert.Equal("3000", BankAccountProtector.Last4(Details.Normalized));
        Assert.Equal("6819", BankAccountProtector.Last4("gb-sort-code:601613:31926819"));
    }
}

using Microsoft.Extensions.Time.Testing;
using Tradewind.Accounts.BankAccounts;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Tests.BankAccounts;

public sealed class SellerBankAccountTests
{
    private static readonly IReadOnlyList<long> Sent = [12, 34];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    private SellerBankAccount NewAccount() => new()
    {
        Id = BankAccountId.New(_clock),
        SellerId = OrganisationId.New(_clock),
        SellerEntityId = SellerEntityId.New(_clock),
        CountryCode = "DE",
        CurrencyCode = "EUR",
        HolderName = "Alpha Software GmbH",
        Last4 = "3000",
        Fingerprint = new string('a', 64),
        ProtectedDetails = "protected",
        CreatedAt = _clock.GetUtcNow(),
    };

    [Fact]
    public void The_two_amounts_in_any_order_verify_the_account()
    {
        var account = NewAccount();
        account.StartVerification("protected amounts");

        Assert.True(account.Confirm([34, 12], Sent, _clock.GetUtcNow(), "seller"));

        Assert.Equal(BankAccountStatus.Verified, account.Status);
        Assert.Equal(_clock.GetUtcNow(), account.VerifiedAt);
        Assert.Null(account.ProtectedMicroDeposits);
    }

    [Fact]
    public void Three_wrong_pairs_lock_the_account_and_the_right_pair_no_longer_helps()
    {
        var account = NewAccount();

        Assert.False(account.Confirm([12, 35], Sent, _clock.GetUtcNow(), "seller"));
        Assert.False(account.Confirm([12, 12], Sent, _clock.GetUtcNow(), "seller"));
        Assert.Equal(BankAccountStatus.PendingVerification, account.Status);
        Assert.False(account.Confirm([1, 2], Sent, _clock.GetUtcNow(), "seller"));

        Assert.Equal(BankAccountStatus.Locked, account.Status);
        Assert.Equal(3, account.FailedAttempts);
        Assert.Equal("bank-account-locked", Assert.Throws<DomainException>(() => account.Confirm([12, 34], Sent, _clock.GetUtcNow(), "seller")).Code);
    }

    [Fact]
    public void The_operator_can_verify_a_locked_account_by_hand_but_not_verify_twice()
    {
        var account = NewAccount();
        for (var i = 0; i < SellerBankAccount.MaxAttempts; i++)
        {
            account.Confirm([1, 2], Sent, _clock.GetUtcNow(), "seller");
        }

        account.VerifyManually(_clock.GetUtcNow(), "operator", "Bank letter");

        Assert.Equal(BankAccountStatus.Verified, account.Status);
        Assert.Equal("Bank letter", account.VerificationNote);
        Assert.Throws<DomainException>(() => account.VerifyManually(_clock.GetUtcNow(), "operator", "again"));
        Assert.Throws<DomainException>(() => account.Confirm([12, 34], Sent, _clock.GetUtcNow(), "seller"));
    }
}

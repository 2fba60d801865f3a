using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.BankAccounts;

/// <summary>
/// A seller entity's payout account in one currency. The account details are encrypted
/// (<see cref="BankAccountProtector"/>); <see cref="Last4"/> and <see cref="Fingerprint"/> are the only clear traces.
/// </summary>
/// <remarks>
/// Verification is micro-deposit style: on creation two small amounts (1 to 99 minor units each, encrypted) are sent,
/// and the account is <see cref="BankAccountStatus.PendingVerification"/>. The seller confirms both amounts, in any
/// order; <see cref="MaxAttempts"/> wrong confirmations lock it. The operator may verify a pending or locked account by
/// hand, with a note. A verified account stays verified; amounts are forgotten once verified.
/// </remarks>
internal sealed class SellerBankAccount
{
    public const int MaxAttempts = 3;

    public BankAccountId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    public SellerEntityId SellerEntityId { get; init; }

    public required string CountryCode { get; init; }

    public required string CurrencyCode { get; init; }

    public required string HolderName { get; init; }

    public required string Last4 { get; init; }

    public required string Fingerprint { get; init; }

    public required string ProtectedDetails { get; init; }

    /// <summary>The two deposit amounts in minor units, encrypted; null once verified.</summary>
    public string? ProtectedMicroDeposits { get; private set; }

    public BankAccountStatus Status { get; private set; } = BankAccountStatus.PendingVerification;

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public string? VerifiedBy { get; private set; }

    public string? VerificationNote { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public void StartVerification(string protectedAmounts) => ProtectedMicroDeposits = protectedAmounts;

    /// <summary>Checks the seller's amounts against the deposits; true when they match and the account is now verified.</summary>
    public bool Confirm(IReadOnlyList<long> entered, IReadOnlyList<long> sent, DateTimeOffset now, string actor)
    {
        switch (Status)
        {
            case BankAccountStatus.Verified:
                throw new DomainException("bank-account-already-verified", "This account is already verified.", DomainErrorKind.Conflict);
            case BankAccountStatus.Locked:
                throw new DomainException(
                    "bank-account-locked",
                    $"This account is locked after {MaxAttempts} wrong confirmations; ask the operator to verify it.",
                    DomainErrorKind.Conflict);
        }

        if (entered.Order().SequenceEqual(sent.Order()))
        {
            MarkVerified(now, actor, "micro-deposits confirmed");
            return true;
        }

        FailedAttempts++;
        if (FailedAttempts >= MaxAttempts)
        {
            Status = BankAccountStatus.Locked;
        }

        return false;
    }

    public void VerifyManually(DateTimeOffset now, string actor, string note)
    {
        if (Status == BankAccountStatus.Verified)
        {
            throw new DomainException("bank-account-already-verified", "This account is already verified.", DomainErrorKind.Conflict);
        }

        MarkVerified(now, actor, note);
    }

    public BankAccountDto ToDto() => new(Id, SellerEntityId, CountryCode, CurrencyCode, HolderName, Last4, Status, FailedAttempts, VerifiedAt, CreatedAt);

    private void MarkVerified(DateTimeOffset now, string actor, string note)
    {
        Status = BankAccountStatus.Verified;
        VerifiedAt = now;
        VerifiedBy = actor;
        VerificationNote = note;
        ProtectedMicroDeposits = null;
    }
}

/// <summary>A currency a seller entity is paid in, and the verified account of that currency that receives it.</summary>
internal sealed class PayoutCurrency
{
    /// <summary>
    /// The currencies Tradewind pays out in: AWS Marketplace's USD, EUR, GBP, AUD and JPY, and INR for entities in
    /// India (aws-marketplace.md §9).
    /// </summary>
    public static readonly IReadOnlyList<string> Available = ["USD", "EUR", "GBP", "AUD", "JPY", "INR"];

    public SellerEntityId SellerEntityId { get; init; }

    public required string CurrencyCode { get; init; }

    public OrganisationId SellerId { get; init; }

    public BankAccountId BankAccountId { get; set; }

    public DateTimeOffset EnabledAt { get; set; }
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>
/// The clear bank details of an account that money moves between, for a payment file: an IBAN, or a local account
/// number with its routing code (sort code, ABA routing number, IFSC…). Never shown in a page or an API response.
/// </summary>
public sealed record PaymentAccountDetails(string HolderName, string CountryCode, string CurrencyCode, string? Iban, string? AccountNumber, string? Bic, string? RoutingCode, string Last4);

/// <summary>A seller entity's verified payout account for one currency, with its clear details.</summary>
public sealed record SellerPayoutAccount(SellerEntityId SellerEntityId, string SellerEntityName, BankAccountId BankAccountId, PaymentAccountDetails Details);

/// <summary>
/// Decrypted bank details for payment files (Payments writes pain.001 credit transfers from them). Only the Payments
/// module calls this; the details leave the process only inside a payment file.
/// </summary>
public interface IPaymentAccounts
{
    /// <summary>
    /// The seller's verified payout accounts for <paramref name="currency"/>: one per seller entity that chose a
    /// payout account in that currency (Accounts' payout currencies) and whose account is verified, oldest entity first.
    /// </summary>
    Task<IReadOnlyList<SellerPayoutAccount>> ListVerifiedPayoutAccountsAsync(OrganisationId sellerId, string currency, CancellationToken cancellationToken);

    /// <summary>
    /// The account an operator entity pays <paramref name="currency"/> from: its collection account in that currency,
    /// else its account in its own currency (the bank converts), else its first; null when it has no account at all.
    /// </summary>
    Task<PaymentAccountDetails?> FindCollectionAccountAsync(string entityCode, string currency, CancellationToken cancellationToken);
}

using Tradewind.Contracts.Payments;

namespace Tradewind.Payments.Ledger;

/// <summary>
/// The chart of accounts. An account is a (kind, subject) pair in one entity and currency; its code is the kind's
/// number, then the subject: <c>2100:0192…</c> is one seller's payable. Accounts need no opening: the first line
/// posted to a code opens it.
/// </summary>
internal static class LedgerAccounts
{
    public static string Number(LedgerAccountType type) => type.Number();

    /// <summary>Whether the kind is kept per subject (buyer, seller or jurisdiction).</summary>
    public static bool HasSubject(LedgerAccountType type) =>
        type is LedgerAccountType.BuyerReceivable or LedgerAccountType.SellerPayable or LedgerAccountType.TaxPayable or LedgerAccountType.Refunds;

    public static string Code(LedgerAccountType type, string subject) => subject.Length == 0 ? Number(type) : Number(type) + ":" + subject;

}

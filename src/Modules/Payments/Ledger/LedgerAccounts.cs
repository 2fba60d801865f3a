using Tradewind.Contracts.Payments;

namespace Tradewind.Payments.Ledger;

/// <summary>
/// The chart of accounts. An account is a (kind, subject) pair in one entity and currency; its code is the kind's
/// number, then the subject: <c>2100:0192…</c> is one seller's payable. Accounts need no opening: the first line
/// posted to a code opens it.
/// </summary>
internal static class LedgerAccounts
{
    public static string Number(LedgerAccountType type) => type switch
    {
        LedgerAccountType.BuyerReceivable => "1100",
        LedgerAccountType.CashClearing => "1200",
        LedgerAccountType.FxClearing => "1900",
        LedgerAccountType.SellerPayable => "2100",
        LedgerAccountType.TaxPayable => "2200",
        LedgerAccountType.Refunds => "2300",
        LedgerAccountType.FeeRevenue => "4100",
        LedgerAccountType.FxGainLoss => "4900",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a ledger account type."),
    };

    /// <summary>Whether the kind is kept per subject (buyer, seller or jurisdiction).</summary>
    public static bool HasSubject(LedgerAccountType type) =>
        type is LedgerAccountType.BuyerReceivable or LedgerAccountType.SellerPayable or LedgerAccountType.TaxPayable or LedgerAccountType.Refunds;

    public static string Code(LedgerAccountType type, string subject) => subject.Length == 0 ? Number(type) : Number(type) + ":" + subject;

}

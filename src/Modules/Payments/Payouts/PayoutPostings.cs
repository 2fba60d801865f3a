using System.Globalization;
using Tradewind.Contracts.Payments;

namespace Tradewind.Payments.Payouts;

/// <summary>
/// How payouts post. A payout takes the amount off the seller's payable and out of cash clearing (debit payable, credit
/// cash; source key <c>payout:{id}</c>), effective at the run's as-of instant. A return reverses it (debit cash, credit
/// payable; <c>payout-return:{id}</c>): the seller is owed the amount again.
/// </summary>
internal static class PayoutPostings
{
    public static NewLedgerEntry Payout(Payout payout)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return new NewLedgerEntry(
            $"payout:{payout.Id}",
            "payout",
            payout.EntityCode,
            payout.AsOf,
            string.Create(CultureInfo.InvariantCulture, $"Payout {payout.EndToEndId} to {payout.SellerEntityName}: {payout.Amount.ToMajorString()} {payout.Currency}"),
            [
                new NewLedgerLine(LedgerAccountType.SellerPayable, payout.SellerId.ToString(), LedgerSide.Debit, payout.Amount, payout.EndToEndId),
                new NewLedgerLine(LedgerAccountType.CashClearing, "", LedgerSide.Credit, payout.Amount, payout.EndToEndId),
            ]);
    }

    public static NewLedgerEntry Return(Payout payout, DateTimeOffset returnedAt)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return new NewLedgerEntry(
            $"payout-return:{payout.Id}",
            "payout-return",
            payout.EntityCode,
            returnedAt,
            string.Create(CultureInfo.InvariantCulture, $"Payout {payout.EndToEndId} returned by the bank: {payout.Amount.ToMajorString()} {payout.Currency} owed to {payout.SellerEntityName} again"),
            [
                new NewLedgerLine(LedgerAccountType.CashClearing, "", LedgerSide.Debit, payout.Amount, payout.EndToEndId),
                new NewLedgerLine(LedgerAccountType.SellerPayable, payout.SellerId.ToString(), LedgerSide.Credit, payout.Amount, payout.EndToEndId),
            ]);
    }
}

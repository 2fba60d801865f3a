using System.Globalization;
using Tradewind.Contracts.Payments;

namespace Tradewind.Payments.Payouts;

/// <summary>One seller-payable line as the payout rules read it: signed credit minus debit, with its entry's source key.</summary>
internal sealed record PayableLine(string EntityCode, string Seller, string Currency, string SourceKey, DateTimeOffset EffectiveAt, long CreditMinusDebit);

/// <summary>
/// A seller's payable in one entity and currency: <c>Payable</c> is the ledger balance, <c>Available</c> the part that
/// may be paid out now; <c>ClearedInvoices</c> the invoices whose proceeds are in <c>Available</c>.
/// </summary>
internal sealed record PayableBalance(string EntityCode, string Seller, string Currency, long Payable, long Available, IReadOnlyList<Guid> ClearedInvoices);

/// <summary>
/// Which part of each seller's payable may be paid out. An invoice's proceeds clear when the buyer's payment is
/// posted (<c>payment:invoice:{id}</c>) and the hold has passed since; until then they stay in the payable but not in the
/// available balance. Credit notes reduce it at once (the seller never receives what may be refunded), and payouts and
/// returns always count, whatever their date, so a run as of an earlier instant cannot pay the same money twice.
/// </summary>
internal static class PayoutBalances
{
    public const string InvoicePrefix = "invoice:";

    public const string PaymentPrefix = "payment:invoice:";

    public static IReadOnlyList<PayableBalance> Compute(IEnumerable<PayableLine> lines, IReadOnlyDictionary<Guid, DateTimeOffset> paidAt, DateTimeOffset asOf, TimeSpan hold)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(paidAt);
        var result = new List<PayableBalance>();
        foreach (var account in lines.GroupBy(l => (l.EntityCode, l.Seller, l.Currency)).OrderBy(g => g.Key.EntityCode, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Seller, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal))
        {
            long payable = 0;
            long uncleared = 0;
            var cleared = new List<Guid>();
            foreach (var line in account)
            {
                var alwaysCounts = line.SourceKey.StartsWith("payout", StringComparison.Ordinal);
                if (!alwaysCounts && line.EffectiveAt > asOf)
                {
                    continue;
                }

                payable = checked(payable + line.CreditMinusDebit);
                if (InvoiceOf(line.SourceKey) is { } invoice)
                {
                    if (paidAt.TryGetValue(invoice, out var paid) && paid <= asOf && paid + hold <= asOf)
                    {
                        cleared.Add(invoice);
                    }
                    else
                    {
                        uncleared = checked(uncleared + line.CreditMinusDebit);
                    }
                }
            }

            result.Add(new PayableBalance(account.Key.EntityCode, account.Key.Seller, account.Key.Currency, payable, Math.Max(0, payable - uncleared), cleared.Distinct().ToList()));
        }

        return result;
    }

    /// <summary>The invoice an <c>invoice:{id}</c> source key names, or null for any other key.</summary>
    public static Guid? InvoiceOf(string sourceKey) =>
        sourceKey.StartsWith(InvoicePrefix, StringComparison.Ordinal) && Guid.TryParse(sourceKey.AsSpan(InvoicePrefix.Length), out var id) ? id : null;

    /// <summary>
    /// The schedule period an instant falls in, as a key: <c>D:2026-11-27</c>, <c>W:2026-W48</c> (ISO week, from
    /// Monday), <c>M:2026-11</c>; all in UTC.
    /// </summary>
    public static string PeriodKey(PayoutFrequency frequency, DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return frequency switch
        {
            PayoutFrequency.Daily => "D:" + utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PayoutFrequency.Weekly => string.Create(CultureInfo.InvariantCulture, $"W:{ISOWeek.GetYear(utc):D4}-W{ISOWeek.GetWeekOfYear(utc):D2}"),
            PayoutFrequency.Monthly => "M:" + utc.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
        };
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Ledger;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Payouts;

/// <summary>
/// A seller balance and what a payout run does with it: pay it to <c>Account</c> for <c>PeriodKey</c>, or hold it
/// (<c>HeldReason</c>: <c>no-verified-account</c>, <c>below-minimum</c>, <c>not-due</c>, <c>nothing-available</c>).
/// </summary>
internal sealed record PlannedPayout(PayableBalance Balance, OrganisationId SellerId, SellerPayoutAccount? Account, string? PeriodKey, string? HeldReason, IReadOnlyList<Guid> Invoices)
{
    public Currency Currency => Currency.FromCode(Balance.Currency);

    public Money Available => Money.FromMinor(Balance.Available, Currency);

    public Money Payable => Money.FromMinor(Balance.Payable, Currency);
}

/// <summary>Reads the seller payables from the ledger and decides, per seller, entity and currency, what is paid now.</summary>
internal sealed class PayoutPlanner(TradewindDbContext db, IPaymentAccounts accounts, IOptions<PayoutOptions> options)
{
    public async Task<IReadOnlyList<PlannedPayout>> PlanAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var lines = await (
                from line in db.Set<LedgerLine>().AsNoTracking()
                join entry in db.Set<LedgerEntry>().AsNoTracking() on line.EntryId equals entry.Id
                where line.Account == LedgerAccountType.SellerPayable
                select new PayableLine(line.EntityCode, line.Subject, line.Currency, entry.SourceKey, line.EffectiveAt, line.CreditMinor - line.DebitMinor))
            .ToListAsync(cancellationToken);
        var paidAt = await PaymentTimesAsync(db, cancellationToken);
        var balances = PayoutBalances.Compute(lines, paidAt, asOf, options.Value.Hold);

        var schedules = await db.Set<PayoutSchedule>().AsNoTracking().ToDictionaryAsync(s => s.SellerEntityId, s => s.Frequency, cancellationToken);
        var periods = await db.Set<Payout>().AsNoTracking()
            .Select(p => new { p.EntityCode, p.SellerId, p.Currency, p.PeriodKey })
            .ToListAsync(cancellationToken);
        var paidPeriods = periods.Select(p => (p.EntityCode, p.SellerId, p.Currency, p.PeriodKey)).ToHashSet();
        var attached = (await db.Set<PayoutInvoice>().AsNoTracking()
                .Join(db.Set<Payout>().AsNoTracking().Where(p => p.Status != PayoutStatus.Returned), i => i.PayoutId, p => p.Id, (i, p) => i.InvoiceId)
                .ToListAsync(cancellationToken))
            .Select(i => i.Value)
            .ToHashSet();

        var accountCache = new Dictionary<(OrganisationId, string), IReadOnlyList<SellerPayoutAccount>>();
        var plan = new List<PlannedPayout>();
        foreach (var balance in balances)
        {
            if (!OrganisationId.TryParse(balance.Seller, out var sellerId) || balance.Payable == 0)
            {
                continue;
            }

            var invoices = balance.ClearedInvoices.Where(i => !attached.Contains(i)).ToList();
            if (balance.Available <= 0)
            {
                plan.Add(new PlannedPayout(balance, sellerId, null, null, "nothing-available", invoices));
                continue;
            }

            if (!accountCache.TryGetValue((sellerId, balance.Currency), out var verified))
            {
                verified = await accounts.ListVerifiedPayoutAccountsAsync(sellerId, balance.Currency, cancellationToken);
                accountCache[(sellerId, balance.Currency)] = verified;
            }

            if (verified.Count == 0)
            {
                plan.Add(new PlannedPayout(balance, sellerId, null, null, "no-verified-account", invoices));
                continue;
            }

            var account = verified[0];
            var frequency = schedules.TryGetValue(account.SellerEntityId, out var chosen) ? chosen : PayoutFrequency.Monthly;
            var period = PayoutBalances.PeriodKey(frequency, asOf);
            var minimum = options.Value.Minimums.TryGetValue(balance.Currency, out var major)
                ? Money.FromMajor(major, Currency.FromCode(balance.Currency), MidpointRounding.AwayFromZero).MinorUnits
                : 0;
            var reason = paidPeriods.Contains((balance.EntityCode, sellerId, balance.Currency, period)) ? "not-due"
                : balance.Available < minimum ? "below-minimum"
                : null;
            plan.Add(new PlannedPayout(balance, sellerId, account, period, reason, invoices));
        }

        return plan;
    }

    /// <summary>When each invoice's payment was posted (<c>payment:invoice:{id}</c>), by invoice id.</summary>
    public static async Task<Dictionary<Guid, DateTimeOffset>> PaymentTimesAsync(TradewindDbContext db, CancellationToken cancellationToken)
    {
        var payments = await db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => e.SourceKey.StartsWith(PayoutBalances.PaymentPrefix))
            .Select(e => new { e.SourceKey, e.EffectiveAt })
            .ToListAsync(cancellationToken);
        var paidAt = new Dictionary<Guid, DateTimeOffset>();
        foreach (var payment in payments)
        {
            if (Guid.TryParse(payment.SourceKey.AsSpan(PayoutBalances.PaymentPrefix.Length), out var invoice))
            {
                paidAt[invoice] = payment.EffectiveAt;
            }
        }

        return paidAt;
    }
}

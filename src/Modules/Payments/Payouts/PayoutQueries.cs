using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Ledger;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Payouts;

/// <summary>Payouts and the payment reports. Every amount in a report comes from the ledger; Billing adds the documents' gross and tax.</summary>
internal sealed class PayoutQueries(TradewindDbContext db, PayoutPlanner planner, ILedgerQueries ledger, IBillingQueries billing) : IPayoutQueries
{
    public async Task<Page<PayoutDto>> ListAsync(PayoutFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<Payout>().AsNoTracking();
        if (filter.SellerId is { } seller)
        {
            query = query.Where(p => p.SellerId == seller);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Currency))
        {
            query = query.Where(p => p.Currency == filter.Currency);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityCode))
        {
            query = query.Where(p => p.EntityCode == filter.EntityCode);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(p => p.RequestedAt).ThenByDescending(p => p.Id)
            .Skip(page.Skip).Take(page.Size)
            .Include(p => p.Invoices)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new Page<PayoutDto>(rows.Select(p => p.ToDto()).ToList(), page.Number, page.Size, total);
    }

    public async Task<PayoutDto?> FindAsync(PayoutId id, OrganisationId? sellerId, CancellationToken cancellationToken)
    {
        var row = await db.Set<Payout>().AsNoTracking().Include(p => p.Invoices).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return row is null || (sellerId is { } seller && row.SellerId != seller) ? null : row.ToDto();
    }

    public async Task<PayoutScheduleDto> GetScheduleAsync(SellerEntityId sellerEntityId, CancellationToken cancellationToken)
    {
        var row = await db.Set<PayoutSchedule>().AsNoTracking().SingleOrDefaultAsync(s => s.SellerEntityId == sellerEntityId, cancellationToken);
        return new PayoutScheduleDto(sellerEntityId, row?.Frequency ?? PayoutFrequency.Monthly, row?.UpdatedAt);
    }

    public async Task<SellerEarningsReport> GetSellerEarningsAsync(OrganisationId sellerId, DateTimeOffset start, DateTimeOffset until, CancellationToken cancellationToken)
    {
        start = start.ToUniversalTime();
        until = until.ToUniversalTime();
        var subject = sellerId.ToString();
        var documents = await (
                from line in db.Set<LedgerLine>().AsNoTracking()
                join entry in db.Set<LedgerEntry>().AsNoTracking() on line.EntryId equals entry.Id
                where line.Account == LedgerAccountType.SellerPayable && line.Subject == subject
                      && (entry.Kind == "invoice" || entry.Kind == "credit-note")
                      && line.EffectiveAt >= start && line.EffectiveAt < until
                select new { entry.SourceKey, entry.Kind, line.EntityCode, line.EffectiveAt, line.Currency, Net = line.CreditMinor - line.DebitMinor })
            .ToListAsync(cancellationToken);

        var paidAt = await PayoutPlanner.PaymentTimesAsync(db, cancellationToken);
        var ids = documents.Select(d => DocumentId(d.SourceKey)).Where(i => i is not null).Select(i => new InvoiceId(i!.Value)).Distinct().ToList();
        var payoutLinks = await db.Set<PayoutInvoice>().AsNoTracking()
            .Where(i => ids.Contains(i.InvoiceId))
            .Join(db.Set<Payout>().AsNoTracking(), i => i.PayoutId, p => p.Id, (i, p) => new { i.InvoiceId, p.Id, p.Status, p.RequestedAt })
            .ToListAsync(cancellationToken);

        var lines = new List<SellerEarningsLine>();
        foreach (var document in documents.GroupBy(d => (d.SourceKey, d.Kind, d.EntityCode, d.EffectiveAt, d.Currency)).OrderBy(g => g.Key.EffectiveAt))
        {
            if (DocumentId(document.Key.SourceKey) is not { } guid)
            {
                continue;
            }

            var invoiceId = new InvoiceId(guid);
            var settlement = await billing.FindSettlementAsync(invoiceId, cancellationToken);
            if (settlement is null)
            {
                continue;
            }

            var sellerCurrency = Currency.FromCode(document.Key.Currency);
            var documentCurrency = Currency.FromCode(settlement.Currency);
            var own = settlement.Lines.Where(l => l.SellerId == sellerId && l.Proceeds.Currency == sellerCurrency).ToList();
            var amount = own.Aggregate(Money.Zero(documentCurrency), (sum, l) => sum + l.Amount);
            var tax = own.Aggregate(Money.Zero(documentCurrency), (sum, l) => sum + l.Tax);
            var proceeds = own.Aggregate(Money.Zero(sellerCurrency), (sum, l) => sum + l.Proceeds);
            var net = Money.FromMinor(document.Sum(d => d.Net), sellerCurrency);
            var link = payoutLinks.Where(l => l.InvoiceId == invoiceId).OrderBy(l => l.Status == PayoutStatus.Returned).ThenByDescending(l => l.RequestedAt).FirstOrDefault();
            lines.Add(new SellerEarningsLine(
                invoiceId,
                settlement.Number,
                document.Key.Kind,
                document.Key.EntityCode,
                document.Key.EffectiveAt,
                paidAt.TryGetValue(guid, out var paid) ? paid : null,
                amount + tax,
                tax,
                proceeds,
                proceeds - net,
                net,
                link?.Id,
                link?.Status));
        }

        var payouts = await db.Set<Payout>().AsNoTracking().Include(p => p.Invoices)
            .Where(p => p.SellerId == sellerId && p.RequestedAt >= start && p.RequestedAt < until)
            .ToListAsync(cancellationToken);
        return new SellerEarningsReport(sellerId, start, until, lines, payouts.OrderBy(p => p.RequestedAt).Select(p => p.ToDto()).ToList());
    }

    public async Task<PaymentsPosition> GetPositionAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var at = asOf.ToUniversalTime();
        var balance = await ledger.GetTrialBalanceAsync(null, null, at, cancellationToken);
        var cash = balance.Accounts
            .Where(a => a.Account == LedgerAccountType.CashClearing)
            .Select(a => new PositionBalance(a.EntityCode, a.Currency, a.Balance))
            .ToList();
        var tax = balance.Accounts
            .Where(a => a.Account == LedgerAccountType.TaxPayable)
            .Select(a => new PositionBalance(a.EntityCode, a.Subject, -a.Balance))
            .OrderBy(t => t.EntityCode, StringComparer.Ordinal).ThenBy(t => t.Subject, StringComparer.Ordinal).ThenBy(t => t.Balance.Currency.Code, StringComparer.Ordinal)
            .ToList();
        var plan = await planner.PlanAsync(at, cancellationToken);
        var due = plan
            .Select(p => new PayoutDue(p.SellerId, p.Balance.EntityCode, p.Payable, p.Available, p.HeldReason))
            .ToList();
        return new PaymentsPosition(at, cash, tax, due);
    }

    private static Guid? DocumentId(string sourceKey)
    {
        var colon = sourceKey.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Guid.TryParse(sourceKey.AsSpan(colon + 1), out var id) ? id : null;
    }
}

using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.BankCollections;

internal sealed class BankCollectionQueries(TradewindDbContext db, IBillingQueries billing, IAccountsQueries accounts) : IBankCollectionQueries
{
    /// <summary>How Payments reads invoices from Billing: as the operator, across every buyer.</summary>
    internal static readonly BillingCaller PaymentsCaller = new(default, Roles.Operator, "payments");

    public async Task<Page<SepaMandateDto>> ListMandatesAsync(OrganisationId? buyerId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<SepaMandate>().AsNoTracking();
        if (buyerId is { } buyer)
        {
            query = query.Where(m => m.BuyerId == buyer);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<SepaMandateDto>(rows.Select(m => m.ToDto()).ToList(), page.Number, page.Size, total);
    }

    public async Task<SepaMandateDto?> FindMandateAsync(SepaMandateId id, OrganisationId? buyerId, CancellationToken cancellationToken)
    {
        var mandate = await db.Set<SepaMandate>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return mandate is null || (buyerId is { } buyer && mandate.BuyerId != buyer) ? null : mandate.ToDto();
    }

    public async Task<Page<DirectDebitCollectionDto>> ListCollectionsAsync(DirectDebitCollectionStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<DirectDebitCollection>().AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(c => c.DueDate).ThenBy(c => c.InvoiceNumber).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<DirectDebitCollectionDto>(rows.Select(c => c.ToDto()).ToList(), page.Number, page.Size, total);
    }

    public async Task<Page<DirectDebitBatchDto>> ListBatchesAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var total = await db.Set<DirectDebitBatch>().CountAsync(cancellationToken);
        var rows = await db.Set<DirectDebitBatch>().AsNoTracking().OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var ids = rows.Select(b => (DirectDebitBatchId?)b.Id).ToList();
        var collections = await db.Set<DirectDebitCollection>().AsNoTracking().Where(c => ids.Contains(c.BatchId)).ToListAsync(cancellationToken);
        return new Page<DirectDebitBatchDto>(rows.Select(b => b.ToDto(collections.Where(c => c.BatchId == b.Id))).ToList(), page.Number, page.Size, total);
    }

    public async Task<DirectDebitBatchDto?> FindBatchAsync(DirectDebitBatchId id, CancellationToken cancellationToken)
    {
        var batch = await db.Set<DirectDebitBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return null;
        }

        var collections = await db.Set<DirectDebitCollection>().AsNoTracking().Where(c => c.BatchId == id).ToListAsync(cancellationToken);
        return batch.ToDto(collections);
    }

    public async Task<string?> GetBatchFileAsync(DirectDebitBatchId id, CancellationToken cancellationToken) =>
        await db.Set<DirectDebitBatch>().AsNoTracking().Where(b => b.Id == id).Select(b => b.Xml).SingleOrDefaultAsync(cancellationToken);

    public async Task<BankTransferDetailsDto?> FindTransferDetailsAsync(InvoiceId invoiceId, CancellationToken cancellationToken)
    {
        var row = await db.Set<BankInvoice>().AsNoTracking().SingleOrDefaultAsync(i => i.InvoiceId == invoiceId, cancellationToken);
        string number, entity, currency;
        long total;
        bool paid;
        if (row is not null)
        {
            (number, entity, currency, total, paid) = (row.Number, row.EntityCode, row.Currency, row.TotalMinor, row.PaidAt is not null);
        }
        else
        {
            // Billing finalized it but the outbox has not delivered the event here yet: the reference is computed, so it is the same.
            var invoice = await billing.FindInvoiceAsync(invoiceId, PaymentsCaller, cancellationToken);
            if (invoice is null || invoice.Kind != InvoiceKind.Invoice || invoice.Number is null || invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Void)
            {
                return null;
            }

            (number, entity, currency, total, paid) = (invoice.Number, invoice.Issuer.EntityCode, invoice.Currency, invoice.Total.MinorUnits, invoice.Status == InvoiceStatus.Paid);
        }

        var reference = BankInvoice.ReferenceFor(invoiceId);
        var account = await accounts.FindCollectionAccountDetailsAsync(entity, currency, cancellationToken);
        return new BankTransferDetailsDto(
            invoiceId, number, reference.Value, reference.ToPrintString(), Money.FromMinor(total, Currency.FromCode(currency)), entity, account?.HolderName, account?.Iban, account?.Bic, paid);
    }

    public async Task<Page<BankStatementDto>> ListStatementsAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var total = await db.Set<BankStatement>().CountAsync(cancellationToken);
        var rows = await db.Set<BankStatement>().AsNoTracking().OrderByDescending(s => s.ImportedAt).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Set<StatementEntry>().AsNoTracking().Where(e => ids.Contains(e.StatementRowId))
            .GroupBy(e => new { e.StatementRowId, e.Status })
            .Select(g => new { g.Key.StatementRowId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new Page<BankStatementDto>(rows.Select(s => ToDto(s, counts.Where(c => c.StatementRowId == s.Id).Select(c => (c.Status, c.Count)))).ToList(), page.Number, page.Size, total);
    }

    public async Task<Page<StatementEntryDto>> ListUnmatchedAsync(bool all, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<StatementEntry>().AsNoTracking();
        query = all
            ? query.Where(e => e.Status == StatementEntryStatus.Unmatched || e.Status == StatementEntryStatus.Assigned || e.Status == StatementEntryStatus.Dismissed)
            : query.Where(e => e.Status == StatementEntryStatus.Unmatched);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<StatementEntryDto>(rows.Select(e => e.ToDto()).ToList(), page.Number, page.Size, total);
    }

    internal static BankStatementDto ToDto(BankStatement s, IEnumerable<(StatementEntryStatus Status, int Count)> counts)
    {
        var list = counts.ToList();
        return new BankStatementDto(
            s.Id, s.StatementId, s.MessageId, s.AccountIban, s.ImportedAt, s.Actor,
            list.Sum(c => c.Count),
            list.Where(c => c.Status is StatementEntryStatus.Matched or StatementEntryStatus.Assigned).Sum(c => c.Count),
            list.Where(c => c.Status == StatementEntryStatus.Unmatched).Sum(c => c.Count));
    }
}

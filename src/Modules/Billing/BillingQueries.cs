using Microsoft.EntityFrameworkCore;
using Tradewind.Billing.Invoices;
using Tradewind.Billing.Runs;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing;

/// <summary>
/// Reads documents and runs. The operator sees every document; a buyer its own; a seller the documents with lines for
/// its products, and of those only its own lines (another seller's lines on the same invoice are not its business), with
/// totals summed from those lines.
/// </summary>
internal sealed class BillingQueries(TradewindDbContext db) : IBillingQueries
{
    public async Task<Page<InvoiceSummaryDto>> ListInvoicesAsync(InvoiceFilter filter, BillingCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(caller);
        var query = Scoped(caller);
        if (filter.BuyerId is { } buyer)
        {
            query = query.Where(i => i.BuyerId == buyer);
        }

        if (filter.SellerId is { } seller)
        {
            var sellerId = (OrganisationId?)seller;
            query = query.Where(i => db.Set<InvoiceLine>().Any(l => l.InvoiceId == i.Id && l.SellerId == sellerId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.IssuerEntityCode))
        {
            query = query.Where(i => i.IssuerEntityCode == filter.IssuerEntityCode);
        }

        if (!string.IsNullOrWhiteSpace(filter.Currency))
        {
            query = query.Where(i => i.Currency == filter.Currency);
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            query = query.Where(i => i.Number == filter.Number);
        }

        if (filter.IssuedFrom is { } from)
        {
            query = query.Where(i => i.IssueDate >= from);
        }

        if (filter.IssuedTo is { } to)
        {
            query = query.Where(i => i.IssueDate < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        if (caller.Role == Roles.Seller)
        {
            // A seller's view of a document is its own lines: the totals are summed from them.
            var ids = items.Select(i => i.Id).ToList();
            var sellerId = (OrganisationId?)caller.OrganisationId;
            var lines = await db.Set<InvoiceLine>().AsNoTracking().Where(l => ids.Contains(l.InvoiceId) && l.SellerId == sellerId).ToListAsync(cancellationToken);
            return new Page<InvoiceSummaryDto>(
                items.Select(i =>
                {
                    var own = InvoiceMapping.ToDto(i, lines.Where(l => l.InvoiceId == i.Id).OrderBy(l => l.LineNumber).ToList());
                    return InvoiceMapping.ToSummary(i) with { Subtotal = own.Subtotal, TotalTax = own.TotalTax, Total = own.Total };
                }).ToList(),
                page.Number, page.Size, total);
        }

        return new Page<InvoiceSummaryDto>(items.Select(InvoiceMapping.ToSummary).ToList(), page.Number, page.Size, total);
    }

    public async Task<InvoiceDto?> FindInvoiceAsync(InvoiceId id, BillingCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var invoice = await Scoped(caller).Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return null;
        }

        return caller.Role == Roles.Seller
            ? InvoiceMapping.ToDto(invoice, invoice.Lines.Where(l => l.SellerId == caller.OrganisationId).OrderBy(l => l.LineNumber).ToList())
            : InvoiceMapping.ToDto(invoice);
    }

    public async Task<Page<BillingRunDto>> ListRunsAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<BillingRun>().AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<BillingRunDto>(items.Select(BillingCommands.ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<BillingRunDto?> FindRunAsync(BillingRunId id, CancellationToken cancellationToken) =>
        await db.Set<BillingRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run ? BillingCommands.ToDto(run) : null;

    public async Task<IReadOnlyList<BilledRevenueRow>> ListBilledRevenueAsync(OrganisationId sellerId, DateOnly issuedFrom, DateOnly issuedTo, CancellationToken cancellationToken)
    {
        var seller = (OrganisationId?)sellerId;
        var rows = await (
                from line in db.Set<InvoiceLine>().AsNoTracking()
                join invoice in db.Set<Invoice>().AsNoTracking() on line.InvoiceId equals invoice.Id
                where line.SellerId == seller && invoice.Status != InvoiceStatus.Draft && invoice.IssueDate >= issuedFrom && invoice.IssueDate < issuedTo
                select new { line, invoice.Id, invoice.Number, invoice.Kind, invoice.IssueDate, invoice.BuyerId, invoice.BuyerName, invoice.BuyerCountry, invoice.Currency })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.IssueDate).ThenBy(r => r.Number, StringComparer.Ordinal).ThenBy(r => r.line.LineNumber)
            .Select(r =>
            {
                var currency = Currency.FromCode(r.Currency);
                var net = Money.FromMinor(r.line.AmountMinor, currency);
                var listing = string.Equals(r.line.PlanCurrency, r.Currency, StringComparison.Ordinal)
                    ? net
                    : Money.FromMajor(r.line.ExactAmount, Currency.FromCode(r.line.PlanCurrency), MidpointRounding.AwayFromZero);
                return new BilledRevenueRow(
                    r.Id, r.Number!, r.Kind, r.IssueDate!.Value, r.BuyerId, r.BuyerName, r.BuyerCountry, r.line.ProductId!.Value, r.line.ProductTitle, r.line.AgreementId,
                    r.line.Dimension, r.Currency, net, Money.FromMinor(r.line.TaxMinor, currency), r.line.Kind, r.line.ServiceStart, listing);
            })
            .ToList();
    }

    public async Task<InvoiceSettlementDto?> FindSettlementAsync(InvoiceId id, CancellationToken cancellationToken)
    {
        var invoice = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null || invoice.Status == InvoiceStatus.Draft || invoice.Number is null || invoice.FinalizedAt is not { } finalizedAt)
        {
            return null;
        }

        var correctedPaid = invoice.CorrectsInvoiceId is { } corrected
            && await db.Set<Invoice>().AsNoTracking().AnyAsync(i => i.Id == corrected && i.Status == InvoiceStatus.Paid, cancellationToken);
        var currency = Currency.FromCode(invoice.Currency);
        var lines = invoice.Lines
            .OrderBy(l => l.LineNumber)
            .Select(l =>
            {
                // The seller's proceeds stay in the listing's currency: the exact amount before conversion, rounded once.
                var proceeds = string.Equals(l.PlanCurrency, invoice.Currency, StringComparison.Ordinal)
                    ? Money.FromMinor(l.AmountMinor, currency)
                    : Money.FromMajor(l.ExactAmount, Currency.FromCode(l.PlanCurrency), MidpointRounding.AwayFromZero);
                return new InvoiceSettlementLine(
                    l.LineNumber, l.SellerId, l.AgreementId, Money.FromMinor(l.AmountMinor, currency), Money.FromMinor(l.TaxMinor, currency), l.TaxJurisdiction, proceeds);
            })
            .ToList();
        return new InvoiceSettlementDto(
            invoice.Id, invoice.Kind, invoice.Number, invoice.Status, invoice.BuyerId, invoice.IssuerEntityCode, invoice.Currency, finalizedAt, invoice.CorrectsInvoiceId, correctedPaid,
            Money.FromMinor(invoice.SubtotalMinor, currency), Money.FromMinor(invoice.TotalTaxMinor, currency), Money.FromMinor(invoice.TotalMinor, currency), lines);
    }

    public async Task<IReadOnlyList<InvoiceSettlementDto>> ListCreditNoteSettlementsAsync(InvoiceId invoiceId, CancellationToken cancellationToken)
    {
        var ids = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.CorrectsInvoiceId == invoiceId && i.Kind == InvoiceKind.CreditNote && i.Status != InvoiceStatus.Draft)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        var notes = new List<InvoiceSettlementDto>(ids.Count);
        foreach (var id in ids)
        {
            if (await FindSettlementAsync(id, cancellationToken) is { } note)
            {
                notes.Add(note);
            }
        }

        return notes.OrderBy(n => n.FinalizedAt).ThenBy(n => n.Number, StringComparer.Ordinal).ToList();
    }

    private IQueryable<Invoice> Scoped(BillingCaller caller)
    {
        var invoices = db.Set<Invoice>().AsNoTracking();
        var organisation = caller.OrganisationId;
        var seller = (OrganisationId?)organisation;
        return caller.Role switch
        {
            Roles.Operator => invoices,
            // Drafts are the operator's working documents; buyers and sellers see what was issued.
            Roles.Seller => invoices.Where(i => i.Status != InvoiceStatus.Draft && db.Set<InvoiceLine>().Any(l => l.InvoiceId == i.Id && l.SellerId == seller)),
            _ => invoices.Where(i => i.BuyerId == organisation && i.Status != InvoiceStatus.Draft),
        };
    }
}

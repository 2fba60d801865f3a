using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Billing.Invoices;
using Tradewind.Billing.Numbering;
using Tradewind.Billing.Rating;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Metering;
using Tradewind.Contracts.Payments;
using Tradewind.Contracts.Tax;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing;

/// <summary>
/// Changes billing state: runs (<c>BillingCommands.Runs.cs</c>), the invoice lifecycle (finalize, mark paid, void) and
/// credit notes (<c>BillingCommands.CreditNotes.cs</c>). Every change commits with its audit line and outbox event.
/// </summary>
internal sealed partial class BillingCommands(
    TradewindDbContext db,
    IRater rater,
    IAgreementsQueries agreements,
    IUsageQueries usage,
    IAccountsQueries accounts,
    IAccountsCommands accountCommands,
    ITaxQuotes tax,
    IExchangeRateQueries rates,
    Outbox outbox,
    AuditTrail audit,
    IOptions<BillingOptions> options,
    TimeProvider clock,
    ILogger<BillingCommands> logger) : IBillingCommands
{
    public async Task<InvoiceDto> FinalizeAsync(InvoiceId id, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        // Read before the transaction, so the number series' upsert is its first write (see InvoiceNumbers).
        var found = await db.Set<Invoice>().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.IssuerEntityCode, i.Kind, i.Status }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFound(id);
        if (found.Status != InvoiceStatus.Draft)
        {
            throw new DomainException("invoice-not-draft", $"Invoice {id} is {Invoice.Wire(found.Status)}; only a draft can be finalized.", DomainErrorKind.Conflict);
        }

        var entity = await accounts.FindOperatorEntityAsync(found.IssuerEntityCode, cancellationToken)
            ?? throw new DomainException("issuing-entity-not-found", $"The issuing entity {found.IssuerEntityCode} does not exist.", DomainErrorKind.Conflict);
        var invoice = await db.InTransactionAsync(
            async ct =>
            {
                var now = clock.GetUtcNow();
                var year = now.UtcDateTime.Year;
                var first = found.Kind == InvoiceKind.Invoice ? Math.Max(1, entity.InvoiceSeries.NextNumber) : 1;
                var number = await InvoiceNumbers.TakeAsync(db, entity.Code, found.Kind, year, first, ct);
                var invoice = await db.Set<Invoice>().Include(i => i.Lines).SingleAsync(i => i.Id == id, ct);
                if (invoice.Status != InvoiceStatus.Draft)
                {
                    // Finalized by a concurrent request since the read above; rolling back returns the number.
                    throw new DomainException("invoice-not-draft", $"Invoice {id} is {Invoice.Wire(invoice.Status)}; only a draft can be finalized.", DomainErrorKind.Conflict);
                }

                var text = InvoiceNumbers.Format(entity.InvoiceSeries.Prefix, invoice.Kind, year, number);
                invoice.Finalize(text, DateOnly.FromDateTime(now.UtcDateTime), options.Value.PaymentTermDays, now);
                await db.SaveChangesAsync(ct);
                if (invoice.TaxQuoteId is { } quoteId)
                {
                    await tax.CommitAsync(quoteId, text, actor, ct);
                }

                Publish(invoice, now);
                audit.Record(actor, invoice.BuyerId.Value, "invoice.finalized", $"invoice:{invoice.Id}", text);
                await db.SaveChangesAsync(ct);
                return invoice;
            },
            cancellationToken);
        return InvoiceMapping.ToDto(invoice);
    }

    public async Task<InvoiceDto> MarkPaidAsync(InvoiceId id, DateTimeOffset paidAt, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (paidAt > clock.GetUtcNow())
        {
            throw new ValidationFailedException("paidAt", "A payment cannot be recorded in the future.");
        }

        return await ChangeAsync(
            id,
            invoice =>
            {
                if (invoice.FinalizedAt is { } finalized && paidAt < finalized)
                {
                    throw new ValidationFailedException("paidAt", "The payment date is before the invoice was finalized.");
                }

                invoice.MarkPaid(paidAt.ToUniversalTime());
                outbox.Add(new InvoicePaid(invoice.Id, invoice.Number!, invoice.BuyerId, Money.FromMinor(invoice.TotalMinor, Currency.FromCode(invoice.Currency)), clock.GetUtcNow()));
                audit.Record(actor, invoice.BuyerId.Value, "invoice.paid", $"invoice:{invoice.Id}", string.Create(CultureInfo.InvariantCulture, $"{invoice.Number} paid at {paidAt:O}"));
            },
            cancellationToken);
    }

    public async Task<InvoiceDto> VoidAsync(InvoiceId id, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var why = reason?.Trim() ?? "";
        if (why.Length is 0 or > 1000)
        {
            throw new ValidationFailedException("reason", "Say why the invoice is voided (1 to 1000 characters).");
        }

        var status = await db.Set<Invoice>().AsNoTracking().Where(i => i.Id == id).Select(i => (InvoiceStatus?)i.Status).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFound(id);
        if (status == InvoiceStatus.Finalized)
        {
            // A finalized invoice is voided by crediting it in full (IssueCreditNoteAsync marks it void).
            await IssueCreditNoteAsync(id, new CreditNoteRequest(why, null, $"void:{id}"), actor, cancellationToken);
            return InvoiceMapping.ToDto(await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == id, cancellationToken));
        }

        return await ChangeAsync(
            id,
            invoice =>
            {
                invoice.MarkVoid(why, clock.GetUtcNow());
                outbox.Add(new InvoiceVoided(invoice.Id, invoice.Number, invoice.BuyerId, null, why, clock.GetUtcNow()));
                audit.Record(actor, invoice.BuyerId.Value, "invoice.voided", $"invoice:{invoice.Id}", why);
            },
            cancellationToken);
    }

    /// <summary>Loads, changes and saves one document in a transaction; a concurrent change of the same document is a conflict.</summary>
    private async Task<InvoiceDto> ChangeAsync(InvoiceId id, Action<Invoice> change, CancellationToken cancellationToken)
    {
        try
        {
            var invoice = await db.InTransactionAsync(
                async ct =>
                {
                    var invoice = await db.Set<Invoice>().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound(id);
                    change(invoice);
                    await db.SaveChangesAsync(ct);
                    return invoice;
                },
                cancellationToken);
            return InvoiceMapping.ToDto(invoice);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("invoice-changed", $"Invoice {id} was changed by another request; read it again.", DomainErrorKind.Conflict);
        }
    }

    private void Publish(Invoice invoice, DateTimeOffset now)
    {
        var currency = Currency.FromCode(invoice.Currency);
        outbox.Add(new InvoiceFinalized(
            invoice.Id, invoice.Kind, invoice.Number!, invoice.BuyerId, invoice.IssuerEntityCode,
            Money.FromMinor(invoice.SubtotalMinor, currency), Money.FromMinor(invoice.TotalTaxMinor, currency), Money.FromMinor(invoice.TotalMinor, currency),
            invoice.CorrectsInvoiceId, now));
    }

    private static DomainException NotFound(InvoiceId id) =>
        new("invoice-not-found", $"There is no invoice {id}.", DomainErrorKind.NotFound);

    [LoggerMessage(Level = LogLevel.Error, Message = "Billing run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Guid runId, Exception exception);
}

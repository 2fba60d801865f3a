using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Billing.Invoices;
using Tradewind.Billing.Rating;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing;

/// <summary>
/// Replacement credit: when a private offer replaces an agreement, what the buyer prepaid for service beyond the
/// replacement is credited, prorated by day. Every finalized (or paid) invoice line of the replaced agreement that charged
/// a contract fee or an installment and serves beyond the replacement gets a credit note line for its unused days
/// (<see cref="Proration.Unused"/>), capped at what is left to credit on it; one credit note per invoice, through
/// <see cref="IssueCreditNoteAsync"/>, with the idempotency key <c>agreement-replaced:{agreement}</c>, so a redelivered
/// event issues nothing new. Usage up to the replacement is billed by the normal run (the agreement's <c>EndedAt</c> is the
/// replacement instant).
/// </summary>
internal sealed partial class BillingCommands
{
    public const string ReplacementActor = "billing:replacements";

    /// <summary>Credits the unused prepaid contract charges of a replaced agreement; returns the credit notes issued (or found, on redelivery).</summary>
    public async Task<IReadOnlyList<InvoiceDto>> CreditReplacedAgreementAsync(AgreementReplaced replaced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replaced);
        var agreementId = (Primitives.Ids.AgreementId?)replaced.AgreementId;
        var at = replaced.OccurredAt;
        var lines = await (
                from line in db.Set<InvoiceLine>().AsNoTracking()
                join invoice in db.Set<Invoice>().AsNoTracking() on line.InvoiceId equals invoice.Id
                where line.AgreementId == agreementId
                    && invoice.Kind == InvoiceKind.Invoice
                    && (invoice.Status == InvoiceStatus.Finalized || invoice.Status == InvoiceStatus.Paid)
                    && (line.Kind == InvoiceLineKind.ContractFee || line.Kind == InvoiceLineKind.Installment)
                select new { line.InvoiceId, invoice.Currency, line.LineNumber, line.AmountMinor, line.ServiceStart, line.ServiceEnd })
            .ToListAsync(cancellationToken);
        // Compared in memory: SQLite cannot compare DateTimeOffset columns.
        var beyond = lines.Where(l => l.ServiceEnd > at && l.AmountMinor > 0).ToList();
        if (beyond.Count == 0)
        {
            return [];
        }

        var key = $"agreement-replaced:{replaced.AgreementId}";
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"Replaced by private offer on {at.UtcDateTime:yyyy-MM-dd} (agreement {replaced.AgreementId} ended, {replaced.ReplacementId} took its place): the prepaid contract service from {at.UtcDateTime:yyyy-MM-dd} is credited by day.");
        var notes = new List<InvoiceDto>();
        foreach (var invoice in beyond.GroupBy(l => l.InvoiceId).OrderBy(g => g.Key.Value))
        {
            if (await FindCreditNoteAsync(invoice.Key, key, cancellationToken) is { } replay)
            {
                notes.Add(replay);
                continue;
            }

            var invoiceId = invoice.Key;
            var creditedBefore = await (
                    from line in db.Set<InvoiceLine>().AsNoTracking()
                    join note in db.Set<Invoice>().AsNoTracking() on line.InvoiceId equals note.Id
                    where note.CorrectsInvoiceId == invoiceId && note.Kind == InvoiceKind.CreditNote
                    select new { line.CreditsLineNumber, line.AmountMinor })
                .ToListAsync(cancellationToken);
            var currency = Currency.FromCode(invoice.First().Currency);
            var credit = new List<CreditNoteLineRequest>();
            foreach (var line in invoice.OrderBy(l => l.LineNumber))
            {
                var left = line.AmountMinor + creditedBefore.Where(c => c.CreditsLineNumber == line.LineNumber).Sum(c => c.AmountMinor);
                var unused = Math.Min(left, Proration.Unused(line.AmountMinor, line.ServiceStart, line.ServiceEnd, at));
                if (unused > 0)
                {
                    credit.Add(new CreditNoteLineRequest(line.LineNumber, Money.FromMinor(unused, currency)));
                }
            }

            if (credit.Count > 0)
            {
                notes.Add(await IssueCreditNoteAsync(invoiceId, new CreditNoteRequest(reason, credit, key), ReplacementActor, cancellationToken));
            }
        }

        return notes;
    }
}

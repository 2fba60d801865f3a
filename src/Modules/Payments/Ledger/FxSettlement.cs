using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Ledger;

/// <summary>
/// Closes FX clearing when a document's cash settles (decision 0033). An invoice charged in another currency than its
/// listings' leaves its net in FX clearing; once the buyer's payment is in the ledger the operator converts that net
/// into the listing's currency at the rate of the payment's day, and the seller is paid from it. A credit note settles
/// with its invoice: credit notes issued before the payment (or the whole family, when a full credit voids the invoice)
/// convert on the invoice's settlement day, credit notes issued after it on their own day. Each conversion posts once
/// (source key <c>fx:invoice:{id}</c>, <c>fx:credit-note:{id}</c>), so every caller may ask again.
/// </summary>
internal sealed class FxSettlement(IBillingQueries billing, ILedgerPosting ledger, LedgerQueries entries, ICurrencyConverter converter)
{
    public const string Actor = "payments:fx";

    /// <summary>Posts the conversions of an invoice and its credit notes if the invoice has settled (paid or voided).</summary>
    public async Task SettleAsync(InvoiceId invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await billing.FindSettlementAsync(invoiceId, cancellationToken);
        if (invoice is null || invoice.Kind != InvoiceKind.Invoice || invoice.Status is not (InvoiceStatus.Paid or InvoiceStatus.Void))
        {
            return;
        }

        var notes = await billing.ListCreditNoteSettlementsAsync(invoiceId, cancellationToken);
        var family = notes.Prepend(invoice).Where(d => DocumentPostings.FxLegs(d).Count > 0).ToList();
        if (family.Count == 0)
        {
            return;
        }

        DateTimeOffset settledAt;
        if (invoice.Status == InvoiceStatus.Paid)
        {
            // The payment posts from the same event stream; until it is in the ledger there is nothing to convert yet.
            if (await entries.FindBySourceAsync($"payment:invoice:{invoice.Id}", cancellationToken) is not { } payment)
            {
                return;
            }

            settledAt = payment.EffectiveAt;
        }
        else
        {
            // A finalized invoice is voided only by the credit note that credits all of it: no cash moves, and the
            // invoice and its notes convert on the same day, so their conversions cancel out.
            settledAt = notes.Count == 0 ? invoice.FinalizedAt : notes.Max(n => n.FinalizedAt);
        }

        foreach (var document in family)
        {
            var at = document.FinalizedAt > settledAt ? document.FinalizedAt : settledAt;
            await ConvertAsync(document, at, cancellationToken);
        }
    }

    private async Task ConvertAsync(InvoiceSettlementDto document, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var kind = document.Kind == InvoiceKind.CreditNote ? "credit-note" : "invoice";
        if (await entries.FindBySourceAsync($"fx:{kind}:{document.Id}", cancellationToken) is not null)
        {
            return;
        }

        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var legs = new List<(FxLeg, Money)>();
        foreach (var leg in DocumentPostings.FxLegs(document))
        {
            // Converted as a positive amount and signed back, so a credit note rounds exactly like the invoice it mirrors.
            var converted = await converter.ConvertAsync(
                leg.Net.MinorUnits < 0 ? -leg.Net : leg.Net, leg.Proceeds.Currency, day, MidpointRounding.AwayFromZero, $"Ledger conversion for {document.Number}", cancellationToken);
            legs.Add((leg, leg.Net.MinorUnits < 0 ? -converted.To : converted.To));
        }

        await ledger.PostAsync(DocumentPostings.Conversion(document, legs, at), Actor, cancellationToken);
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Collections;

/// <summary>
/// A credit note on an invoice paid by card gives the credited amount back to the card: one refund per credit note
/// (unique), never more than the payment has left, posted to the ledger as refunds (owed back) to cash clearing
/// (source key <c>refund:credit-note:{id}</c>). Delivered at least once from the outbox; a gateway that cannot be
/// reached throws, and the outbox delivers again later with the same refund id as the gateway's idempotency key.
/// </summary>
internal sealed class RefundOnCreditNote(
    TradewindDbContext db, IBillingQueries billing, IPaymentGateway gateway, ILedgerPosting ledger, AuditTrail audit, TimeProvider clock)
    : IIntegrationEventConsumer<InvoiceFinalized>
{
    public const string Actor = "payments:refunds";

    public async Task ConsumeAsync(InvoiceFinalized integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (integrationEvent.Kind != InvoiceKind.CreditNote || integrationEvent.CorrectsInvoiceId is not { } corrected)
        {
            return;
        }

        var payment = await db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.InvoiceId == corrected && p.Status == PaymentStatus.Succeeded, cancellationToken);
        if (payment?.GatewayReference is null)
        {
            return;
        }

        var refund = await db.Set<Refund>().AsNoTracking().SingleOrDefaultAsync(r => r.CreditNoteId == integrationEvent.InvoiceId, cancellationToken);
        if (refund is null)
        {
            var note = await billing.FindSettlementAsync(integrationEvent.InvoiceId, cancellationToken)
                ?? throw new InvalidOperationException($"Credit note {integrationEvent.Number} ({integrationEvent.InvoiceId}) was not found.");
            var amount = Math.Min(Math.Abs(note.Total.MinorUnits), payment.Refundable);
            if (amount <= 0)
            {
                return;
            }

            refund = new Refund
            {
                Id = RefundId.New(clock),
                CreditNoteId = integrationEvent.InvoiceId,
                PaymentId = payment.Id,
                AmountMinor = amount,
                Currency = payment.Currency,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Add(refund);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                refund = await db.Set<Refund>().AsNoTracking().SingleAsync(r => r.CreditNoteId == integrationEvent.InvoiceId, cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        if (refund.Status != "pending")
        {
            return;
        }

        var money = Money.FromMinor(refund.AmountMinor, Currency.FromCode(refund.Currency));
        var answer = await gateway.RefundAsync(payment.GatewayReference, money, refund.Id.ToString(), cancellationToken);
        var refundId = refund.Id;
        await db.InTransactionAsync(
            async ct =>
            {
                var row = await db.Set<Refund>().SingleAsync(r => r.Id == refundId, ct);
                if (row.Status != "pending")
                {
                    return false;
                }

                var paid = await db.Set<Payment>().SingleAsync(p => p.Id == row.PaymentId, ct);
                var now = clock.GetUtcNow();
                row.Complete(answer, now);
                audit.Record(Actor, paid.BuyerId.Value, "refund." + row.Status, $"credit-note:{row.CreditNoteId}",
                    string.Create(CultureInfo.InvariantCulture, $"{integrationEvent.Number}: {money.ToMajorString()} {money.Currency} to {paid.CardBrand} {paid.CardLast4} for {paid.InvoiceNumber} ({answer.Reference})"));
                if (answer.Succeeded)
                {
                    paid.AddRefund(row.AmountMinor);
                    await ledger.PostAsync(Entry(paid, integrationEvent.Number, row, money, now), Actor, ct);
                }

                await db.SaveChangesAsync(ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The refund leaves cash clearing and settles what the credit note made owed back to the buyer.</summary>
    internal static NewLedgerEntry Entry(Payment payment, string creditNoteNumber, Refund refund, Money amount, DateTimeOffset at) => new(
        $"refund:credit-note:{refund.CreditNoteId}",
        "refund",
        payment.EntityCode,
        at,
        string.Create(CultureInfo.InvariantCulture, $"Card refund for credit note {creditNoteNumber} (invoice {payment.InvoiceNumber}): {amount.ToMajorString()} {amount.Currency}"),
        [
            new NewLedgerLine(LedgerAccountType.Refunds, payment.BuyerId.ToString(), LedgerSide.Debit, amount, creditNoteNumber),
            new NewLedgerLine(LedgerAccountType.CashClearing, null, LedgerSide.Credit, amount, creditNoteNumber),
        ]);
}

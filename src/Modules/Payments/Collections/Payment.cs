using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;

namespace Tradewind.Payments.Collections;

/// <summary>
/// One card payment attempt on an invoice, for its whole open amount. Written <see cref="PaymentStatus.Pending"/>
/// before the gateway is asked (the row claims the buyer's idempotency key and the invoice: one live or successful
/// payment per invoice), then completed once with the gateway's answer. The gateway's idempotency key is
/// <see cref="Id"/>, so asking again after a lost answer never charges twice.
/// </summary>
internal sealed class Payment
{
    public PaymentId Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public OrganisationId BuyerId { get; init; }

    public required string EntityCode { get; init; }

    public PaymentMethodId? PaymentMethodId { get; init; }

    public required string CardBrand { get; init; }

    public required string CardLast4 { get; init; }

    public long AmountMinor { get; init; }

    public required string Currency { get; init; }

    public PaymentStatus Status { get; private set; }

    public required string Gateway { get; init; }

    public string? GatewayReference { get; private set; }

    public string? DeclineCode { get; private set; }

    public string? Message { get; private set; }

    /// <summary><c>buyer</c> or <c>dunning</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary>The buyer's key (the request's <c>Idempotency-Key</c>, or <c>dunning:{invoice}:{step}</c>); unique per buyer.</summary>
    public required string IdempotencyKey { get; init; }

    public required string Actor { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public long RefundedMinor { get; private set; }

    public void Complete(GatewayCharge charge, DateTimeOffset at)
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new InvalidOperationException($"Payment {Id} is already {Status}.");
        }

        Status = charge.Status;
        GatewayReference = charge.Reference;
        DeclineCode = charge.DeclineCode;
        Message = charge.Message;
        CompletedAt = at;
    }

    /// <summary>The gateway could not be reached; the attempt stays pending and is asked again with the same key.</summary>
    public void RecordGatewayFailure(string message) => Message = message.Length > 500 ? message[..500] : message;

    public long Refundable => Status == PaymentStatus.Succeeded ? AmountMinor - RefundedMinor : 0;

    public void AddRefund(long minor)
    {
        if (minor <= 0 || minor > Refundable)
        {
            throw new InvalidOperationException($"Payment {Id} cannot refund {minor} of {Refundable} left.");
        }

        RefundedMinor += minor;
    }
}

/// <summary>A buyer's saved card: the gateway's token and what may be shown (brand, last four digits, expiry); never the number.</summary>
internal sealed class PaymentMethod
{
    public PaymentMethodId Id { get; init; }

    public OrganisationId BuyerId { get; init; }

    public required string Gateway { get; init; }

    public required string Token { get; init; }

    public string? CustomerReference { get; init; }

    public required string Brand { get; init; }

    public required string Last4 { get; init; }

    public int ExpMonth { get; init; }

    public int ExpYear { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A refund through the gateway for a credit note on a card-paid invoice; one per credit note.</summary>
internal sealed class Refund
{
    public RefundId Id { get; init; }

    public InvoiceId CreditNoteId { get; init; }

    public PaymentId PaymentId { get; init; }

    public long AmountMinor { get; init; }

    public required string Currency { get; init; }

    /// <summary><c>pending</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public string Status { get; private set; } = "pending";

    public string? GatewayReference { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public void Complete(GatewayRefund refund, DateTimeOffset at)
    {
        Status = refund.Succeeded ? "succeeded" : "failed";
        GatewayReference = refund.Reference;
        CompletedAt = at;
    }
}

/// <summary>A dunning step taken on one invoice; unique per invoice and step, so a repeated run takes it once.</summary>
internal sealed class DunningStep
{
    public Guid Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public OrganisationId BuyerId { get; init; }

    public required string Step { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public DateTimeOffset TakenAt { get; init; }

    public required string Outcome { get; init; }

    public PaymentId? PaymentId { get; init; }

    /// <summary>The agreements suspended or reinstated, comma-separated.</summary>
    public string Agreements { get; init; } = "";

    public required string Actor { get; init; }
}

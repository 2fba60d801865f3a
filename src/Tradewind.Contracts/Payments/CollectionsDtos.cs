using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Payments;

/// <summary>
/// Where a card payment stands. <c>Pending</c> while the gateway is asked (or could not be reached: the same attempt is
/// asked again with the same idempotency key, never charged twice); every other status is final.
/// </summary>
public enum PaymentStatus
{
    Pending,

    Succeeded,

    /// <summary>The card issuer refused the charge (Stripe <c>card_declined</c>).</summary>
    Declined,

    /// <summary>The card issuer refused for lack of funds (decline code <c>insufficient_funds</c>).</summary>
    InsufficientFunds,

    /// <summary>The issuer asks the cardholder to authenticate (3-D Secure); the buyer pays again with another card or in person.</summary>
    RequiresAction,
}

/// <summary>The wire names of payment statuses: <c>succeeded</c>, <c>declined</c>, <c>insufficient_funds</c>, <c>requires_action</c>, <c>pending</c>.</summary>
public static class PaymentStatuses
{
    public static string ToWire(this PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "pending",
        PaymentStatus.Succeeded => "succeeded",
        PaymentStatus.Declined => "declined",
        PaymentStatus.InsufficientFunds => "insufficient_funds",
        PaymentStatus.RequiresAction => "requires_action",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a payment status."),
    };

    public static PaymentStatus? FromWire(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "pending" => PaymentStatus.Pending,
        "succeeded" => PaymentStatus.Succeeded,
        "declined" => PaymentStatus.Declined,
        "insufficient_funds" => PaymentStatus.InsufficientFunds,
        "requires_action" => PaymentStatus.RequiresAction,
        _ => null,
    };
}

/// <summary>Who asks: a buyer sees and pays its own invoices; the operator sees every payment and runs dunning.</summary>
public sealed record CollectionsCaller(OrganisationId OrganisationId, string Role, string Actor);

/// <summary>
/// A card to save. With the sandbox gateway: the card number (only its brand and last four digits are kept), expiry and
/// CVC. With Stripe: <c>Token</c>, a PaymentMethod id (<c>pm_…</c>) created in the browser by Stripe.js, since card
/// numbers must not reach the server there.
/// </summary>
public sealed record NewCard(string? Number, int ExpMonth, int ExpYear, string? Cvc = null, string? Token = null);

/// <summary>A saved card: the gateway's token stays inside Payments; only brand, last four digits and expiry are shown.</summary>
/// <remarks><c>IsDefault</c>: the card dunning charges on its retry days (the most recently saved). <c>Sandbox</c>: saved with the sandbox gateway; nothing real is ever charged.</remarks>
public sealed record PaymentMethodDto(
    PaymentMethodId Id,
    OrganisationId BuyerId,
    string Gateway,
    bool Sandbox,
    string Brand,
    string Last4,
    int ExpMonth,
    int ExpYear,
    bool IsDefault,
    DateTimeOffset CreatedAt);

/// <summary>
/// Pay a finalized invoice by card: a saved card (<c>PaymentMethodId</c>) or a new one (<c>Card</c>, saved first).
/// <c>Amount</c>, when given, must be the invoice's open amount (its total: a payment settles the invoice in full and
/// never exceeds what is open). <c>IdempotencyKey</c>: the same key from the same buyer returns the first attempt and
/// never charges twice.
/// </summary>
public sealed record PayInvoiceRequest(InvoiceId InvoiceId, PaymentMethodId? PaymentMethodId, NewCard? Card, Money? Amount, string IdempotencyKey);

/// <summary>One card payment attempt on an invoice.</summary>
/// <remarks>
/// <c>Trigger</c>: <c>buyer</c> (the buyer paid) or <c>dunning</c> (an automatic retry on a retry day).
/// <c>GatewayReference</c>: the gateway's id of the charge (a Stripe PaymentIntent <c>pi_…</c>, or <c>sb_pi_…</c> in the sandbox).
/// <c>Refunded</c>: what credit notes have refunded of it so far.
/// </remarks>
public sealed record PaymentDto(
    PaymentId Id,
    InvoiceId InvoiceId,
    string InvoiceNumber,
    OrganisationId BuyerId,
    PaymentMethodId? PaymentMethodId,
    string CardBrand,
    string CardLast4,
    Money Amount,
    PaymentStatus Status,
    string Gateway,
    bool Sandbox,
    string? GatewayReference,
    string? DeclineCode,
    string? Message,
    string Trigger,
    string IdempotencyKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    Money Refunded);

/// <summary>Which payments to list; null means any. A buyer always sees only its own.</summary>
public sealed record PaymentFilter(InvoiceId? InvoiceId = null, OrganisationId? BuyerId = null, PaymentStatus? Status = null);

/// <summary>A refund of a card payment for a credit note: at most once per credit note, at most what the payment left unrefunded.</summary>
public sealed record RefundDto(RefundId Id, InvoiceId CreditNoteId, PaymentId PaymentId, Money Amount, string Status, string? GatewayReference, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

/// <summary>
/// One dunning step taken on an overdue invoice, recorded once per invoice and step: <c>retry-1</c>, <c>retry-3</c>…
/// (a reminder and, with a saved card, a charge), <c>suspend</c> (the agreements it bills are suspended) and
/// <c>reinstate</c> (after payment).
/// </summary>
/// <remarks>
/// <c>Outcome</c>: <c>reminded</c> (no card to charge), a payment status (<c>declined</c>…), <c>skipped</c> (a later
/// retry was due at the same run), <c>suspended</c>, <c>reinstated</c>. <c>Agreements</c>: those the step suspended or
/// reinstated.
/// </remarks>
public sealed record DunningStepDto(
    InvoiceId InvoiceId,
    string InvoiceNumber,
    OrganisationId BuyerId,
    string Step,
    DateTimeOffset DueAt,
    DateTimeOffset TakenAt,
    string Outcome,
    PaymentId? PaymentId,
    IReadOnlyList<AgreementId> Agreements,
    string Actor);

/// <summary>What one dunning run did: the overdue invoices it looked at and the steps it took.</summary>
public sealed record DunningRunResult(DateTimeOffset AsOf, int OverdueInvoices, IReadOnlyList<DunningStepDto> Steps);

/// <summary>The card gateway in use and, for the sandbox, the test cards it understands.</summary>
public sealed record PaymentGatewayDto(string Name, bool Sandbox, IReadOnlyList<TestCardDto> TestCards);

/// <summary>A sandbox test card number (Stripe's test numbers) and what charging it does.</summary>
public sealed record TestCardDto(string Number, string Outcome);

/// <summary>Reads of card collections: saved cards, payments, refunds, dunning steps.</summary>
public interface ICollectionsQueries
{
    PaymentGatewayDto Gateway { get; }

    Task<IReadOnlyList<PaymentMethodDto>> ListPaymentMethodsAsync(OrganisationId buyerId, CancellationToken cancellationToken);

    /// <summary>Payments, newest first; a buyer's own only.</summary>
    Task<Page<PaymentDto>> ListPaymentsAsync(PaymentFilter filter, CollectionsCaller caller, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One payment, or null when it does not exist or is another buyer's.</summary>
    Task<PaymentDto?> FindPaymentAsync(PaymentId id, CollectionsCaller caller, CancellationToken cancellationToken);

    Task<IReadOnlyList<RefundDto>> ListRefundsAsync(InvoiceId invoiceId, CancellationToken cancellationToken);

    /// <summary>The dunning steps taken on one invoice, or on every invoice when null, oldest first.</summary>
    Task<IReadOnlyList<DunningStepDto>> ListDunningStepsAsync(InvoiceId? invoiceId, CancellationToken cancellationToken);
}

/// <summary>Card collections; only the web host (API, portals, the dunning job) calls these.</summary>
public interface ICollectionsCommands
{
    /// <summary>Saves a card for the calling buyer. Refused: <c>card-invalid</c> (number, expiry), <c>card-token-required</c> (Stripe without a token).</summary>
    Task<PaymentMethodDto> SavePaymentMethodAsync(NewCard card, CollectionsCaller buyer, CancellationToken cancellationToken);

    /// <summary>
    /// Charges the invoice's open amount to a card; on success the invoice is marked paid (Billing raises
    /// <c>InvoicePaid</c> and the ledger posts it). A declined card is a payment with that status, not an error.
    /// Refused: <c>invoice-not-found</c>, <c>invoice-not-payable</c> (not a finalized unpaid invoice),
    /// <c>payment-exceeds-open-amount</c>, <c>partial-payment-not-supported</c>, <c>payment-method-not-found</c>,
    /// <c>payment-in-progress</c> (another attempt awaits the gateway), <c>payment-gateway-unavailable</c> (transient;
    /// retry with the same key).
    /// </summary>
    Task<PaymentDto> PayInvoiceAsync(PayInvoiceRequest request, CollectionsCaller buyer, CancellationToken cancellationToken);

    /// <summary>
    /// Takes every dunning step due by <paramref name="asOf"/> (at most now) on finalized invoices past due: retries
    /// the buyer's saved card and reminds on each retry day, suspends the agreements an invoice bills after the
    /// configured days. Each step is taken once per invoice, however often the run repeats.
    /// </summary>
    Task<DunningRunResult> RunDunningAsync(DateTimeOffset asOf, string actor, CancellationToken cancellationToken);
}

/// <summary>
/// A dunning step reminded the buyer of an overdue invoice (the web host writes the notification).
/// <c>ChargeOutcome</c>: the automatic charge on a saved card and how it ended, or null when there was none.
/// <c>SuspendsAt</c>: when the agreements the invoice bills will be suspended if it stays unpaid.
/// </summary>
public sealed record InvoicePaymentOverdue(
    InvoiceId InvoiceId,
    string Number,
    OrganisationId BuyerId,
    Money Total,
    DateOnly DueDate,
    string Step,
    string? CardLast4,
    PaymentStatus? ChargeOutcome,
    DateTimeOffset SuspendsAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

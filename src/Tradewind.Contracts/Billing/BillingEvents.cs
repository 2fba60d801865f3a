using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Billing;

/// <summary>An invoice or credit note was numbered and became immutable (Payments posts it to the ledger).</summary>
public sealed record InvoiceFinalized(InvoiceId InvoiceId, InvoiceKind Kind, string Number, OrganisationId BuyerId, string IssuerEntityCode, Money Subtotal, Money TotalTax, Money Total, InvoiceId? CorrectsInvoiceId, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record InvoicePaid(InvoiceId InvoiceId, string Number, OrganisationId BuyerId, Money Total, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record InvoiceVoided(InvoiceId InvoiceId, string? Number, OrganisationId BuyerId, InvoiceId? CreditNoteId, string Reason, DateTimeOffset OccurredAt) : IIntegrationEvent;

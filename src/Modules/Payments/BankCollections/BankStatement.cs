using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.BankCollections;

/// <summary>An imported camt.053 statement (<c>Stmt/Id</c> unique). Importing it again adds only entries not seen before.</summary>
internal sealed class BankStatement
{
    public Guid Id { get; init; }

    public required string StatementId { get; init; }

    public required string MessageId { get; init; }

    public string? AccountIban { get; init; }

    public DateTimeOffset ImportedAt { get; init; }

    public required string Actor { get; init; }
}

/// <summary>
/// One booked entry of a statement, unique by statement id and entry reference (the bank's <c>AcctSvcrRef</c>, or the
/// entry's position when the bank gives none), so a re-import changes nothing.
/// </summary>
internal sealed class StatementEntry
{
    public BankStatementEntryId Id { get; init; }

    public Guid StatementRowId { get; init; }

    public required string StatementId { get; init; }

    public required string EntryReference { get; init; }

    public DateOnly? BookingDate { get; init; }

    public long AmountMinor { get; init; }

    public required string Currency { get; init; }

    /// <summary>The structured reference (RF), or the end-to-end id when there is none.</summary>
    public string? Reference { get; init; }

    public string? Remittance { get; init; }

    public string? DebtorName { get; init; }

    public StatementEntryStatus Status { get; set; }

    /// <summary>Why an entry waits in the queue, in one sentence.</summary>
    public string? Reason { get; set; }

    public InvoiceId? InvoiceId { get; set; }

    public string? InvoiceNumber { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public StatementEntryDto ToDto() => new(
        Id, StatementId, EntryReference, BookingDate, Money.FromMinor(AmountMinor, Primitives.Money.Currency.FromCode(Currency)), Reference, Remittance, DebtorName,
        Status, Reason, InvoiceId, InvoiceNumber, Note, ResolvedAt);
}

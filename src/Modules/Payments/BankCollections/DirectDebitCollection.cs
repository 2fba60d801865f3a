using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.BankCollections;

/// <summary>
/// One invoice to collect by direct debit under one mandate, at most one per invoice (unique <see cref="InvoiceId"/>),
/// so an invoice is never collected twice. <see cref="DueDate"/> is at least the pre-notification period after the
/// buyer was told. <see cref="SequenceType"/> is fixed when the collection goes into a batch.
/// </summary>
internal sealed class DirectDebitCollection
{
    public Guid Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public OrganisationId BuyerId { get; init; }

    public SepaMandateId MandateId { get; init; }

    public required string MandateReference { get; init; }

    public required string EntityCode { get; init; }

    public required string Currency { get; init; }

    public long AmountMinor { get; init; }

    public DateOnly DueDate { get; init; }

    public DirectDebitCollectionStatus Status { get; set; }

    public string? SequenceType { get; set; }

    public DirectDebitBatchId? BatchId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The invoice number: SEPA returns it on the statement, so camt matching finds the invoice.</summary>
    public string EndToEndId => InvoiceNumber;

    public DirectDebitCollectionDto ToDto() => new(
        InvoiceId, InvoiceNumber, BuyerId, MandateId, MandateReference, EntityCode, Money.FromMinor(AmountMinor, Primitives.Money.Currency.FromCode(Currency)),
        DueDate, Status, SequenceType, BatchId, EndToEndId);
}

/// <summary>One pain.008.001.08 file: the collections of one entity on one date, the XML kept exactly as written.</summary>
internal sealed class DirectDebitBatch
{
    public DirectDebitBatchId Id { get; init; }

    public required string EntityCode { get; init; }

    public DateOnly CollectionDate { get; init; }

    public required string MessageId { get; init; }

    public DirectDebitBatchStatus Status { get; set; }

    public int NumberOfTransactions { get; init; }

    public required string Currency { get; init; }

    public long TotalMinor { get; init; }

    public required string Xml { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? SettledAt { get; set; }

    public DirectDebitBatchDto ToDto(IEnumerable<DirectDebitCollection> collections) => new(
        Id, EntityCode, CollectionDate, MessageId, Status, NumberOfTransactions, Money.FromMinor(TotalMinor, Primitives.Money.Currency.FromCode(Currency)),
        CreatedAt, SettledAt, collections.OrderBy(c => c.InvoiceNumber, StringComparer.Ordinal).Select(c => c.ToDto()).ToList());
}

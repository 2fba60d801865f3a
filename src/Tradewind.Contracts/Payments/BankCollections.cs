using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Payments;

/// <summary>
/// Collections by bank: SEPA direct-debit mandates and batches (pain.008.001.08), the RF payment reference of every
/// invoice, and bank statements (camt.053.001.08) matched against open invoices. Reads; any module may call them.
/// </summary>
public interface IBankCollectionQueries
{
    /// <summary>Mandates, newest first: one buyer's, or every buyer's when <paramref name="buyerId"/> is null (operator).</summary>
    Task<Page<SepaMandateDto>> ListMandatesAsync(OrganisationId? buyerId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One mandate; null when unknown or, with <paramref name="buyerId"/>, another buyer's.</summary>
    Task<SepaMandateDto?> FindMandateAsync(SepaMandateId id, OrganisationId? buyerId, CancellationToken cancellationToken);

    /// <summary>Direct-debit collections, soonest due first, optionally in one status.</summary>
    Task<Page<DirectDebitCollectionDto>> ListCollectionsAsync(DirectDebitCollectionStatus? status, PageRequest page, CancellationToken cancellationToken);

    Task<Page<DirectDebitBatchDto>> ListBatchesAsync(PageRequest page, CancellationToken cancellationToken);

    Task<DirectDebitBatchDto?> FindBatchAsync(DirectDebitBatchId id, CancellationToken cancellationToken);

    /// <summary>The batch's pain.008.001.08 document (UTF-8 XML), exactly as written when the batch was built.</summary>
    Task<string?> GetBatchFileAsync(DirectDebitBatchId id, CancellationToken cancellationToken);

    /// <summary>How to pay an invoice by transfer; null for an unknown invoice or one that is not a finalized invoice yet.</summary>
    Task<BankTransferDetailsDto?> FindTransferDetailsAsync(InvoiceId invoiceId, CancellationToken cancellationToken);

    Task<Page<BankStatementDto>> ListStatementsAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>Statement entries waiting for the operator (unmatched), oldest first; with <paramref name="all"/> every resolved one too.</summary>
    Task<Page<StatementEntryDto>> ListUnmatchedAsync(bool all, PageRequest page, CancellationToken cancellationToken);
}

/// <summary>Changes to bank collections. Only the web host calls these.</summary>
public interface IBankCollectionCommands
{
    /// <summary>
    /// A buyer signs a mandate: debtor name, IBAN (ISO 13616, MOD 97) and optional BIC, acceptance of the mandate text,
    /// for the operator entity that collects (the only one with a creditor identifier when none is named).
    /// </summary>
    Task<SepaMandateDto> CreateMandateAsync(OrganisationId buyerId, NewSepaMandate mandate, string actor, CancellationToken cancellationToken);

    /// <summary>Revokes a mandate: no new collection uses it; collections already in a batch stay. The buyer's own, or any (operator).</summary>
    Task<SepaMandateDto> RevokeMandateAsync(SepaMandateId id, OrganisationId? buyerId, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Builds one pain.008.001.08 batch per issuing entity and collection date from the scheduled collections due on or
    /// before <see cref="NewDirectDebitBatches.DueBy"/>; a collection goes into one batch only, ever.
    /// </summary>
    Task<IReadOnlyList<DirectDebitBatchDto>> CreateBatchesAsync(NewDirectDebitBatches request, string actor, CancellationToken cancellationToken);

    /// <summary>The bank collected the batch: every invoice in it is marked paid at <paramref name="settledAt"/>. Settling twice changes nothing.</summary>
    Task<DirectDebitBatchDto> SettleBatchAsync(DirectDebitBatchId id, DateTimeOffset settledAt, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Imports a camt.053.001.08 statement (validated against its XSD): each credit entry is matched by RF reference,
    /// then by invoice number, with exact amount and currency, and the invoice marked paid; anything else waits in the
    /// unmatched queue. Idempotent by statement id and entry reference.
    /// </summary>
    Task<BankStatementImportDto> ImportStatementAsync(string xml, string actor, CancellationToken cancellationToken);

    /// <summary>The operator applies an unmatched credit to an invoice (same currency and amount), which is marked paid.</summary>
    Task<StatementEntryDto> AssignEntryAsync(BankStatementEntryId id, InvoiceId invoiceId, string? note, string actor, CancellationToken cancellationToken);

    /// <summary>The operator sets an unmatched entry aside (a refund to send back, a transfer for something else), with a note.</summary>
    Task<StatementEntryDto> DismissEntryAsync(BankStatementEntryId id, string note, string actor, CancellationToken cancellationToken);
}

public enum SepaMandateStatus
{
    Active,

    Revoked,
}

/// <summary>
/// A SEPA Core direct-debit mandate. <see cref="Reference"/> is unique (with the creditor identifier it is the mandate
/// key of the SEPA rulebook). <see cref="NextSequenceType"/> is <c>FRST</c> until the first collection is batched,
/// then <c>RCUR</c>. <see cref="IbanMasked"/> shows only the country and the last four characters.
/// </summary>
public sealed record SepaMandateDto(
    SepaMandateId Id,
    string Reference,
    OrganisationId BuyerId,
    string DebtorName,
    string IbanMasked,
    string? Bic,
    DateOnly SignedOn,
    string EntityCode,
    string CreditorId,
    string CreditorName,
    SepaMandateStatus Status,
    string NextSequenceType,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);

/// <param name="DebtorName">The account holder, as the bank has it (up to 70 characters, the SEPA limit).</param>
/// <param name="Iban">The debtor's IBAN (ISO 13616), in the SEPA area; spaces and lower case are accepted.</param>
/// <param name="Bic">The debtor bank's BIC (ISO 9362); optional under the SEPA IBAN-only rule.</param>
/// <param name="Accepted">The buyer ticked the mandate text; nothing is stored without it.</param>
/// <param name="EntityCode">The collecting operator entity; null picks the only one with a SEPA creditor identifier.</param>
public sealed record NewSepaMandate(string DebtorName, string Iban, string? Bic, bool Accepted, string? EntityCode = null);

public enum DirectDebitCollectionStatus
{
    /// <summary>Pre-notified; waits for a batch on or after its due date.</summary>
    Scheduled,

    /// <summary>In a pain.008 batch sent to the bank.</summary>
    Batched,

    /// <summary>The batch was collected; the invoice is paid.</summary>
    Settled,

    /// <summary>Not collected: the invoice was paid otherwise or the mandate revoked before the batch.</summary>
    Cancelled,
}

/// <summary>One invoice to collect under one mandate. <see cref="EndToEndId"/> is the invoice number, which the bank returns on the statement.</summary>
public sealed record DirectDebitCollectionDto(
    InvoiceId InvoiceId,
    string InvoiceNumber,
    OrganisationId BuyerId,
    SepaMandateId MandateId,
    string MandateReference,
    string EntityCode,
    Money Amount,
    DateOnly DueDate,
    DirectDebitCollectionStatus Status,
    string? SequenceType,
    DirectDebitBatchId? BatchId,
    string EndToEndId);

public enum DirectDebitBatchStatus
{
    Created,

    Settled,
}

public sealed record DirectDebitBatchDto(
    DirectDebitBatchId Id,
    string EntityCode,
    DateOnly CollectionDate,
    string MessageId,
    DirectDebitBatchStatus Status,
    int NumberOfTransactions,
    Money Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SettledAt,
    IReadOnlyList<DirectDebitCollectionDto> Collections);

/// <param name="DueBy">Collections due on or before this date go into batches (each with its own date); null means today.</param>
/// <param name="EntityCode">Only this entity's collections; null for every entity.</param>
public sealed record NewDirectDebitBatches(DateOnly? DueBy, string? EntityCode);

/// <summary>What a buyer needs to pay an invoice by transfer: the RF reference (ISO 11649) and, when the entity has one, its account.</summary>
public sealed record BankTransferDetailsDto(
    InvoiceId InvoiceId,
    string InvoiceNumber,
    string RfReference,
    string RfReferencePrint,
    Money Amount,
    string EntityCode,
    string? AccountHolder,
    string? Iban,
    string? Bic,
    bool Paid);

public sealed record BankStatementDto(
    Guid Id,
    string StatementId,
    string MessageId,
    string? AccountIban,
    DateTimeOffset ImportedAt,
    string Actor,
    int Entries,
    int Matched,
    int Unmatched);

/// <summary>What an import did: new entries matched or queued, entries already imported (skipped), debit entries ignored.</summary>
public sealed record BankStatementImportDto(BankStatementDto Statement, int Matched, int Unmatched, int AlreadyImported, int Debits, IReadOnlyList<StatementEntryDto> Entries);

public enum StatementEntryStatus
{
    /// <summary>Matched to an invoice on import; the invoice was marked paid.</summary>
    Matched,

    /// <summary>Waiting in the queue.</summary>
    Unmatched,

    /// <summary>The operator applied it to an invoice.</summary>
    Assigned,

    /// <summary>The operator set it aside with a note.</summary>
    Dismissed,

    /// <summary>A debit (money leaving the account): not a buyer's payment, kept for the record.</summary>
    Debit,
}

public sealed record StatementEntryDto(
    BankStatementEntryId Id,
    string StatementId,
    string EntryReference,
    DateOnly? BookingDate,
    Money Amount,
    string? Reference,
    string? Remittance,
    string? DebtorName,
    StatementEntryStatus Status,
    string? Reason,
    InvoiceId? InvoiceId,
    string? InvoiceNumber,
    string? Note,
    DateTimeOffset? ResolvedAt);

/// <summary>
/// A direct debit was scheduled for an invoice: the buyer's pre-notification (SEPA rulebook: amount and date before the
/// collection). The web host writes it to the buyer's inbox.
/// </summary>
public sealed record DirectDebitScheduled(
    InvoiceId InvoiceId, string InvoiceNumber, OrganisationId BuyerId, string MandateReference, string CreditorId, string IbanMasked, Money Amount, DateOnly DueDate, DateTimeOffset OccurredAt) : IIntegrationEvent;

using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Payments;

/// <summary>
/// Where a payout stands: <c>Requested</c> (created by a payout run and posted to the ledger), <c>Sent</c> (in a
/// pain.001 file the operator downloaded for the bank), <c>Paid</c> (the bank confirmed it) or <c>Returned</c> (the
/// bank sent it back; the amount is owed to the seller again).
/// </summary>
public enum PayoutStatus
{
    Requested,

    Sent,

    Paid,

    Returned,
}

/// <summary>How often a seller entity is paid: at most once per UTC day, ISO week (from Monday) or calendar month.</summary>
public enum PayoutFrequency
{
    Daily,

    Weekly,

    Monthly,
}

/// <summary>
/// One transfer of a seller's available balance in one currency, from one operator entity, to one verified account.
/// <c>EndToEndId</c> is fixed when the payout is created and travels in the one payment file that holds it.
/// </summary>
public sealed record PayoutDto(
    PayoutId Id,
    OrganisationId SellerId,
    SellerEntityId SellerEntityId,
    string SellerEntityName,
    string EntityCode,
    Money Amount,
    PayoutStatus Status,
    string EndToEndId,
    BankAccountId BankAccountId,
    string AccountLast4,
    DateTimeOffset AsOf,
    DateTimeOffset RequestedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ReturnedAt,
    string? ReturnReason,
    Guid? FileId,
    IReadOnlyList<InvoiceId> Invoices);

/// <summary>Which payouts to list. A seller caller always passes its own <c>SellerId</c>.</summary>
public sealed record PayoutFilter(OrganisationId? SellerId = null, PayoutStatus? Status = null, string? Currency = null, string? EntityCode = null);

/// <summary>
/// A balance a payout run did not pay: <c>Reason</c> is <c>no-verified-account</c> (blocked: no verified payout account
/// in the currency), <c>below-minimum</c> or <c>not-due</c> (the seller's schedule already paid this period).
/// </summary>
public sealed record PayoutHeld(OrganisationId SellerId, string EntityCode, Money Available, string Reason);

/// <summary>What a payout run did as of an instant.</summary>
public sealed record PayoutRunResult(DateTimeOffset AsOf, IReadOnlyList<PayoutDto> Created, IReadOnlyList<PayoutHeld> Held);

/// <summary>A pain.001.001.09 credit-transfer file: the payouts of one operator entity in one currency.</summary>
public sealed record PayoutFileDto(Guid Id, string MessageId, string EntityCode, string Currency, int Count, Money Total, DateTimeOffset CreatedAt, string Xml);

/// <summary>A seller entity's payout schedule.</summary>
public sealed record PayoutScheduleDto(SellerEntityId SellerEntityId, PayoutFrequency Frequency, DateTimeOffset? UpdatedAt);

/// <summary>
/// One invoice or credit note in a seller's earnings report, in the document's currency (gross, tax) and the seller's
/// currency (proceeds, fee, net). <c>Net</c> is what the ledger credited to the seller's payable; <c>PayoutId</c>
/// is the payout it went in, if any.
/// </summary>
public sealed record SellerEarningsLine(
    InvoiceId InvoiceId,
    string Number,
    string Kind,
    string EntityCode,
    DateTimeOffset FinalizedAt,
    DateTimeOffset? PaidAt,
    Money Gross,
    Money Tax,
    Money Proceeds,
    Money Fee,
    Money Net,
    PayoutId? PayoutId,
    PayoutStatus? PayoutStatus);

/// <summary>A seller's collections and disbursements between two instants (documents finalized and payouts requested in <c>[From, To)</c>).</summary>
public sealed record SellerEarningsReport(OrganisationId SellerId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SellerEarningsLine> Lines, IReadOnlyList<PayoutDto> Payouts);

/// <summary>One ledger balance in the operator's payments position (cash clearing per entity and currency; tax payable per jurisdiction).</summary>
public sealed record PositionBalance(string EntityCode, string Subject, Money Balance);

/// <summary>A seller balance a payout run would pay now, or has to hold.</summary>
public sealed record PayoutDue(OrganisationId SellerId, string EntityCode, Money Payable, Money Available, string? HeldReason);

/// <summary>
/// The operator's payments position as of an instant: cash in clearing per entity and currency (debit balance), tax
/// payable per entity and jurisdiction (credit balance, shown positive), and the seller balances payable.
/// </summary>
public sealed record PaymentsPosition(DateTimeOffset AsOf, IReadOnlyList<PositionBalance> Cash, IReadOnlyList<PositionBalance> TaxPayable, IReadOnlyList<PayoutDue> PayoutsDue);

/// <summary>Reads payouts, payment files and payment reports. Seller-scoped reads take the caller's seller id.</summary>
public interface IPayoutQueries
{
    Task<Page<PayoutDto>> ListAsync(PayoutFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One payout, or null (also when <paramref name="sellerId"/> is given and the payout is another seller's).</summary>
    Task<PayoutDto?> FindAsync(PayoutId id, OrganisationId? sellerId, CancellationToken cancellationToken);

    Task<PayoutScheduleDto> GetScheduleAsync(SellerEntityId sellerEntityId, CancellationToken cancellationToken);

    Task<SellerEarningsReport> GetSellerEarningsAsync(OrganisationId sellerId, DateTimeOffset start, DateTimeOffset until, CancellationToken cancellationToken);

    Task<PaymentsPosition> GetPositionAsync(DateTimeOffset asOf, CancellationToken cancellationToken);
}

/// <summary>Payout runs, payment files and bank outcomes (operator).</summary>
public interface IPayoutCommands
{
    /// <summary>
    /// Pays every seller balance available at <paramref name="asOf"/> (cleared, past the hold, at or above the minimum,
    /// its schedule due, a verified account in the currency). Running again for the same period creates nothing new.
    /// </summary>
    Task<PayoutRunResult> RunAsync(DateTimeOffset asOf, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// The pain.001 file holding the payout. A requested payout is put in a new file with every other requested payout
    /// of its entity and currency, and they become <c>Sent</c>; a payout already in a file gets that same file.
    /// Null when the payout does not exist. Refuses with <c>payout-debtor-account-missing</c> when the paying entity has no collection
    /// account at all (it pays from its account in the currency, else its main account). Operator only: a file holds other sellers' bank details.
    /// </summary>
    Task<PayoutFileDto?> GetFileAsync(PayoutId id, string actor, CancellationToken cancellationToken);

    /// <summary>The bank confirmed a sent payout. Refuses a payout that is not <c>Sent</c> (<c>payout-not-sent</c>).</summary>
    Task<PayoutDto> MarkPaidAsync(PayoutId id, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// The bank returned a sent or paid payout: the ledger re-credits the seller's payable (an entry reversing the
    /// payout) in the same transaction. Refuses a requested or already returned payout (<c>payout-not-returnable</c>).
    /// </summary>
    Task<PayoutDto> MarkReturnedAsync(PayoutId id, string reason, string actor, CancellationToken cancellationToken);

    Task<PayoutScheduleDto> SetScheduleAsync(SellerEntityId sellerEntityId, PayoutFrequency frequency, string actor, CancellationToken cancellationToken);
}

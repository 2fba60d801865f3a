using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Payouts;

/// <summary>
/// One transfer of a seller's available balance in one currency from one operator entity. Created <c>Requested</c>
/// together with its ledger entry (seller payable → cash clearing); goes <c>Sent</c> when a payment file holds it, then
/// <c>Paid</c> or <c>Returned</c>. A return posts the reversing entry, so the amount is payable again.
/// </summary>
internal sealed class Payout
{
    public PayoutId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    public SellerEntityId SellerEntityId { get; init; }

    public required string SellerEntityName { get; init; }

    public required string EntityCode { get; init; }

    public long AmountMinor { get; init; }

    public required string Currency { get; init; }

    public PayoutStatus Status { get; private set; } = PayoutStatus.Requested;

    /// <summary>Fixed at creation (<c>PO</c> and the id's 32 hex digits, 34 characters): the same in every file and statement.</summary>
    public required string EndToEndId { get; init; }

    public BankAccountId BankAccountId { get; init; }

    public required string AccountLast4 { get; init; }

    /// <summary>The run's as-of instant: the balance paid is the one available then.</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>The schedule period paid (<c>M:2026-11</c>, <c>W:2026-W48</c>, <c>D:2026-11-27</c>): one payout per seller, entity, currency and period.</summary>
    public required string PeriodKey { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset? SentAt { get; private set; }

    public Guid? FileId { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset? ReturnedAt { get; private set; }

    public string? ReturnReason { get; private set; }

    public List<PayoutInvoice> Invoices { get; init; } = [];

    public Money Amount => Money.FromMinor(AmountMinor, Primitives.Money.Currency.FromCode(Currency));

    public static string EndToEndIdFor(PayoutId id) => "PO" + id.Value.ToString("N");

    public void Send(Guid fileId, DateTimeOffset now)
    {
        if (Status != PayoutStatus.Requested || FileId is not null)
        {
            throw new InvalidOperationException($"Payout {Id} is already in file {FileId}.");
        }

        Status = PayoutStatus.Sent;
        FileId = fileId;
        SentAt = now;
    }

    public void MarkPaid(DateTimeOffset now)
    {
        if (Status != PayoutStatus.Sent)
        {
            throw new DomainException("payout-not-sent", $"Payout {Id} is {Wire(Status)}; only a sent payout can be confirmed paid.", DomainErrorKind.Conflict);
        }

        Status = PayoutStatus.Paid;
        PaidAt = now;
    }

    public void MarkReturned(string reason, DateTimeOffset now)
    {
        if (Status is not (PayoutStatus.Sent or PayoutStatus.Paid))
        {
            throw new DomainException(
                "payout-not-returnable",
                $"Payout {Id} is {Wire(Status)}; only a sent or paid payout can come back from the bank.",
                DomainErrorKind.Conflict);
        }

        Status = PayoutStatus.Returned;
        ReturnedAt = now;
        ReturnReason = reason;
    }

    public PayoutDto ToDto() => new(
        Id, SellerId, SellerEntityId, SellerEntityName, EntityCode, Amount, Status, EndToEndId, BankAccountId, AccountLast4, AsOf, RequestedAt, SentAt, PaidAt, ReturnedAt, ReturnReason, FileId,
        Invoices.OrderBy(i => i.InvoiceId.Value).Select(i => i.InvoiceId).ToList());

    public static string Wire(PayoutStatus status) => status switch
    {
        PayoutStatus.Requested => "requested",
        PayoutStatus.Sent => "sent",
        PayoutStatus.Paid => "paid",
        PayoutStatus.Returned => "returned",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>A cleared invoice whose proceeds a payout paid (what the seller's report names as "the payout it went in").</summary>
internal sealed class PayoutInvoice
{
    public PayoutId PayoutId { get; init; }

    public InvoiceId InvoiceId { get; init; }
}

/// <summary>A generated pain.001.001.09 file, kept as written so a second download is the same document.</summary>
internal sealed class PayoutFile
{
    public Guid Id { get; init; }

    public required string MessageId { get; init; }

    public required string EntityCode { get; init; }

    public required string Currency { get; init; }

    public int Count { get; init; }

    public long TotalMinor { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required string Xml { get; init; }

    public PayoutFileDto ToDto() => new(Id, MessageId, EntityCode, Currency, Count, Money.FromMinor(TotalMinor, Primitives.Money.Currency.FromCode(Currency)), CreatedAt, Xml);
}

/// <summary>A seller entity's chosen payout frequency (monthly when it chose none).</summary>
internal sealed class PayoutSchedule
{
    public SellerEntityId SellerEntityId { get; init; }

    public PayoutFrequency Frequency { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

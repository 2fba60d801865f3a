using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Ids;

namespace Tradewind.Billing.Invoices;

/// <summary>
/// An invoice or credit note. Draft → Finalized (numbered, immutable) → Paid or Void. Only a draft's content changes;
/// after finalization the only changes are the status moves (<see cref="MarkPaid"/>, <see cref="MarkVoid"/>), and a
/// correction is a new credit note. Amounts are minor units of <see cref="Currency"/>; every total is the sum of the
/// lines (<see cref="Recalculate"/>). The buyer and issuer are copied as JSON when drafted, so later edits to a profile
/// or an entity never change a document. <see cref="GroupKey"/> is (buyer, issuing entity, currency, period): one
/// invoice per group.
/// </summary>
internal sealed class Invoice
{
    public InvoiceId Id { get; init; }

    public InvoiceKind Kind { get; init; }

    public InvoiceStatus Status { get; private set; }

    public string? Number { get; private set; }

    public OrganisationId BuyerId { get; init; }

    public required string BuyerName { get; init; }

    public required string BuyerCountry { get; init; }

    public required string BuyerJson { get; init; }

    public required string IssuerEntityCode { get; init; }

    public required string IssuerJson { get; init; }

    public required string Currency { get; init; }

    public required string Language { get; init; }

    public DateTimeOffset PeriodStart { get; init; }

    public DateTimeOffset PeriodEnd { get; init; }

    public DateOnly? IssueDate { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public long SubtotalMinor { get; private set; }

    public long TotalTaxMinor { get; private set; }

    public long TotalMinor { get; private set; }

    public string? TaxCurrency { get; init; }

    public long? TotalTaxInTaxCurrencyMinor { get; set; }

    public string TaxSubtotalsJson { get; set; } = "[]";

    public string? ConversionJson { get; init; }

    public required string PaymentReference { get; init; }

    public InvoiceId? CorrectsInvoiceId { get; init; }

    public string? CorrectsInvoiceNumber { get; init; }

    public string LegendsJson { get; set; } = "[]";

    /// <summary>The tax engine's quote for the lines; committed with the number when finalized.</summary>
    public TaxQuoteId? TaxQuoteId { get; set; }

    /// <summary>For a credit note: the caller's idempotency key, unique per corrected invoice.</summary>
    public string? IdempotencyKey { get; init; }

    public BillingRunId? RunId { get; init; }

    public required string GroupKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinalizedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public string? VoidReason { get; private set; }

    /// <summary>Optimistic concurrency: every status change bumps it, so two writers never both move one document.</summary>
    public int Version { get; private set; }

    public List<InvoiceLine> Lines { get; init; } = [];

    /// <summary>Sums the lines into the totals: subtotal = Σ net, tax = Σ line tax, total = subtotal + tax. Drafts only.</summary>
    public void Recalculate()
    {
        RequireDraft();
        SubtotalMinor = Lines.Sum(l => l.AmountMinor);
        TotalTaxMinor = Lines.Sum(l => l.TaxMinor);
        TotalMinor = checked(SubtotalMinor + TotalTaxMinor);
    }

    /// <summary>
    /// Adds a later run's lines after the last one: existing lines keep their numbers. Drafts only; bumps
    /// <see cref="Version"/> so that a concurrent finalization or addition fails instead of being overwritten. The caller
    /// re-quotes the tax of the whole draft and recalculates.
    /// </summary>
    public void AppendLines(IReadOnlyList<InvoiceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        RequireDraft();
        var next = Lines.Count == 0 ? 1 : Lines.Max(l => l.LineNumber) + 1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].LineNumber != next + i || lines[i].InvoiceId != Id)
            {
                throw new InvalidOperationException($"Line {i} must be line {next + i} of {Describe()}.");
            }
        }

        Lines.AddRange(lines);
        Version++;
    }

    public void Finalize(string number, DateOnly issueDate, int paymentTermDays, DateTimeOffset now)
    {
        RequireDraft();
        Number = number;
        Status = InvoiceStatus.Finalized;
        IssueDate = issueDate;
        DueDate = Kind == InvoiceKind.Invoice ? issueDate.AddDays(paymentTermDays) : issueDate;
        FinalizedAt = now;
        Version++;
    }

    public void MarkPaid(DateTimeOffset paidAt)
    {
        if (Kind != InvoiceKind.Invoice || Status != InvoiceStatus.Finalized)
        {
            throw new DomainException("invoice-not-payable", $"Only a finalized, unpaid invoice can be marked paid; {Describe()} is {Wire(Status)}.", DomainErrorKind.Conflict);
        }

        Status = InvoiceStatus.Paid;
        PaidAt = paidAt;
        Version++;
    }

    public void MarkVoid(string reason, DateTimeOffset now)
    {
        if (Kind != InvoiceKind.Invoice || Status is not (InvoiceStatus.Finalized or InvoiceStatus.Draft))
        {
            throw new DomainException("invoice-not-voidable", $"Only a draft or a finalized, unpaid invoice can be voided; {Describe()} is {Wire(Status)}.", DomainErrorKind.Conflict);
        }

        Status = InvoiceStatus.Void;
        VoidedAt = now;
        VoidReason = reason;
        Version++;
    }

    public void RequireDraft()
    {
        if (Status != InvoiceStatus.Draft)
        {
            throw new DomainException("invoice-immutable", $"{Describe()} is {Wire(Status)}: a finalized document never changes; correct it with a credit note.", DomainErrorKind.Conflict);
        }
    }

    public string Describe() => Number ?? $"draft {Id}";

    public static string Wire(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "draft",
        InvoiceStatus.Finalized => "finalized",
        InvoiceStatus.Paid => "paid",
        _ => "void",
    };
}

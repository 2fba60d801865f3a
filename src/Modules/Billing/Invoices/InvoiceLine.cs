using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Ids;

namespace Tradewind.Billing.Invoices;

/// <summary>
/// One line of a document. <see cref="AmountMinor"/> is the net amount in the document's currency, rounded once
/// (<see cref="MidpointRounding.AwayFromZero"/>) from <see cref="ExactAmount"/>, the rater's exact amount in
/// <see cref="PlanCurrency"/> (converted at the document's rate when the currencies differ). The tax columns are the
/// tax engine's answer for this line. <see cref="StepsJson"/> says how the amount was computed (tiers, free units,
/// what an earlier document already billed). On a credit note, <see cref="CreditsLineNumber"/> names the corrected line.
/// </summary>
internal sealed class InvoiceLine
{
    public Guid Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public int LineNumber { get; init; }

    public InvoiceLineKind Kind { get; init; }

    public AgreementId? AgreementId { get; init; }

    public ProductId? ProductId { get; init; }

    public OrganisationId? SellerId { get; init; }

    public required string ProductTitle { get; init; }

    public string? Dimension { get; init; }

    public required string Description { get; init; }

    public decimal Quantity { get; init; }

    public required string Unit { get; init; }

    public required string UnitPrice { get; init; }

    public long AmountMinor { get; init; }

    public decimal ExactAmount { get; init; }

    public required string PlanCurrency { get; init; }

    public int? InstallmentNumber { get; init; }

    public DateTimeOffset ServiceStart { get; init; }

    public DateTimeOffset ServiceEnd { get; init; }

    public required string TaxCode { get; init; }

    public string TaxJurisdiction { get; set; } = "";

    public string TaxType { get; set; } = "";

    public decimal TaxRate { get; set; }

    public string TaxTreatment { get; set; } = "";

    public string TaxCategory { get; set; } = "";

    public long TaxMinor { get; set; }

    public string? TaxNote { get; set; }

    public string StepsJson { get; init; } = "[]";

    public int? CreditsLineNumber { get; init; }
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Tax.Liability;

/// <summary>
/// One committed line of a finalized document (<c>tax_transactions</c>): what the liability report sums. An
/// invoice's lines carry their own sign (a negative line, such as a re-priced volume tier, reduces the liability); a
/// credit note's reversal repeats them negated, in full or for the part of each line it credits. Amounts are kept both in the
/// invoice currency and in the jurisdiction's return currency, converted at commit with the exchange rate of the
/// tax date (Art. 91 VAT Directive: the rate of the chargeable day), which <see cref="FxRate"/> records.
/// </summary>
internal sealed class TaxTransaction
{
    public TaxQuoteId QuoteId { get; init; }

    /// <summary><c>invoice</c> or <c>credit_note</c>.</summary>
    public required string Kind { get; init; }

    public int LineNo { get; init; }

    public required string LineId { get; init; }

    public required string DocumentNumber { get; init; }

    public DateOnly TaxDate { get; init; }

    public required string IssuingEntity { get; init; }

    public required string Jurisdiction { get; init; }

    public required string TaxType { get; init; }

    public required string Treatment { get; init; }

    public required string Rule { get; init; }

    public decimal Rate { get; init; }

    public required string Currency { get; init; }

    /// <summary>
    /// The net of the document line this row taxes, signed like <see cref="TaxableMinor"/>: what a partial reversal
    /// counts to know how much of a line is left to credit. Null on rows recorded before it was kept.
    /// </summary>
    public long? NetMinor { get; init; }

    public long TaxableMinor { get; init; }

    public long TaxMinor { get; init; }

    public required string ReturnCurrency { get; init; }

    public long TaxableReturnMinor { get; init; }

    public long TaxReturnMinor { get; init; }

    /// <summary>1 unit of <see cref="Currency"/> = <see cref="FxRate"/> units of <see cref="ReturnCurrency"/>; 1 when they are the same.</summary>
    public decimal FxRate { get; init; }

    public DateTimeOffset CommittedAt { get; init; }
}

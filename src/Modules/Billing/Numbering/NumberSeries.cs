using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Numbering;

/// <summary>
/// The next number of one series: an issuing entity's invoices or credit notes in one calendar year. A number is taken
/// by incrementing <see cref="NextNumber"/> as the first write of the finalizing transaction, so the row lock
/// serialises concurrent finalizations and a rolled-back finalization gives its number back: no gaps, no repeats.
/// </summary>
internal sealed class NumberSeries
{
    public required string EntityCode { get; init; }

    public InvoiceKind Kind { get; init; }

    public int Year { get; init; }

    public long NextNumber { get; set; }
}

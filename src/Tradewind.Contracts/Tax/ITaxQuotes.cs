using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Tax;

/// <summary>
/// The tax engine as Billing calls it: quote the tax on an invoice's lines, then commit the quote when the invoice is
/// finalized (and reverse it, in full or line by line, with credit notes). Only committed quotes feed the liability
/// report.
/// </summary>
public interface ITaxQuotes
{
    /// <summary>
    /// Works out the tax on every line for the issuing entity (or the one the routing rules pick), the buyer and the
    /// date, and stores the inputs and the answer. Bad input is a <see cref="ValidationFailedException"/>; a date
    /// outside the rates file's coverage is <c>tax-date-out-of-range</c>.
    /// </summary>
    Task<TaxQuoteDto> QuoteAsync(TaxQuoteRequest request, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="QuoteAsync"/> for many documents at once (a billing run's page of invoices): the same quotes, stored with
    /// one write, the issuing entities looked up once per batch. The answers are in the order of the requests.
    /// </summary>
    Task<IReadOnlyList<TaxQuoteDto>> QuoteManyAsync(IReadOnlyList<TaxQuoteRequest> requests, string actor, CancellationToken cancellationToken);

    /// <summary>A stored quote, or null.</summary>
    Task<TaxQuoteDto?> FindQuoteAsync(TaxQuoteId id, CancellationToken cancellationToken);

    /// <summary>
    /// Records the quote's lines as tax transactions of the finalized document <paramref name="documentNumber"/>.
    /// Committing the same quote again with the same number answers the first commit; with another number it is
    /// <c>tax-quote-already-committed</c>.
    /// </summary>
    Task<TaxCommitDto> CommitAsync(TaxQuoteId id, string documentNumber, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="CommitAsync"/> for many finalized documents in one transaction (the caller's, when it has one), the
    /// quotes read with one query and the transactions stored with one write.
    /// </summary>
    Task<IReadOnlyList<TaxCommitDto>> CommitManyAsync(IReadOnlyList<(TaxQuoteId Id, string DocumentNumber)> commits, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Reverses a committed quote in full for the credit note <paramref name="creditNoteNumber"/>: the same lines with
    /// the opposite sign, in the reversal's date's period. A quote is reversed at most once.
    /// </summary>
    Task<TaxCommitDto> ReverseAsync(TaxQuoteId id, string creditNoteNumber, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Reverses part of a committed quote for the partial credit note <paramref name="creditNoteNumber"/>: for each
    /// credited line, the net and tax the credit note takes back, recorded negated in the reversal's date's period
    /// (the taxable part in proportion to the net, all of what is left when the line's whole net is credited). The
    /// same number again answers the first reversal; a line is never reversed beyond what was committed for it
    /// (<c>tax-reversal-exceeds-committed</c>), and a quote reversed in full takes no partial reversal.
    /// </summary>
    Task<TaxCommitDto> ReverseLinesAsync(TaxQuoteId id, string creditNoteNumber, IReadOnlyList<TaxLineReversal> lines, string actor, CancellationToken cancellationToken);
}

/// <summary>Reads of the tax engine: tax-id checks and the liability report. Any module may call these.</summary>
public interface ITaxQueries
{
    /// <summary>
    /// Checks a tax id's format and check digits, and, when a registry is configured (VIES-style, off by default),
    /// whether the registry knows it.
    /// </summary>
    Task<TaxIdCheckDto> ValidateTaxIdAsync(string country, string value, CancellationToken cancellationToken);

    /// <summary>
    /// What each issuing entity owes per jurisdiction and tax type for tax dates in [<paramref name="periodStart"/>,
    /// <paramref name="periodEnd"/>), summed from committed tax transactions, in the jurisdiction's return currency.
    /// </summary>
    Task<TaxLiabilityReport> GetLiabilityAsync(string? entity, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken);

    /// <summary>The product tax codes the rates file knows, with their descriptions.</summary>
    IReadOnlyDictionary<string, string> TaxCodes { get; }
}

/// <summary>
/// A registry that says whether a well-formed tax id is live (VIES for EU VAT numbers, HMRC, ABR…). None is
/// configured by default; an implementation answers null when it cannot tell (registry down, country not covered),
/// and the caller then relies on the format check alone.
/// </summary>
public interface ITaxIdRegistry
{
    Task<TaxIdRegistryAnswer?> CheckAsync(string country, string normalized, CancellationToken cancellationToken);
}

/// <summary>What a registry said about a tax id: whether it is registered, and who it belongs to when the registry says.</summary>
public sealed record TaxIdRegistryAnswer(bool Registered, string Registry, string? Name, DateTimeOffset CheckedAt);

using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Tax;

/// <summary>How a line is taxed. Stable wire values.</summary>
public static class TaxTreatments
{
    public const string Standard = "standard";
    public const string Reduced = "reduced";
    public const string ZeroRated = "zero_rated";
    public const string Exempt = "exempt";

    /// <summary>No tax charged: the business buyer accounts for it (reverse charge, self-assessment, withholding).</summary>
    public const string ReverseCharge = "reverse_charge";

    /// <summary>Tax may be due but the issuing entity does not collect it; the line's note says why.</summary>
    public const string NotCollected = "not_collected";

    public static readonly IReadOnlyList<string> All = [Standard, Reduced, ZeroRated, Exempt, ReverseCharge, NotCollected];
}

/// <summary>The buyer as tax sees it: where it is (country, and state/province for US, CA and IN) and whether it is a business.</summary>
public sealed record TaxBuyer(string Country, string? Subdivision, string? TaxId, bool IsBusiness);

/// <summary>One line to tax: its caller-chosen <see cref="Id"/>, its net amount and its product tax code (<c>saas</c>, <c>professional_services</c>).</summary>
public sealed record TaxLineRequest(string Id, Money Amount, string TaxCode);

/// <summary>
/// A request for a tax quote on <see cref="Date"/> (the tax point, a local calendar date). A null
/// <see cref="IssuingEntity"/> means "the entity the routing rules pick for the buyer's country".
/// All lines are in one currency. <see cref="SellerCountry"/> (the seller of record's country) feeds the routing
/// rules, which depend on it; without it the buyer's country is used.
/// </summary>
public sealed record TaxQuoteRequest(DateOnly Date, string? IssuingEntity, TaxBuyer Buyer, IReadOnlyList<TaxLineRequest> Lines, string? SellerCountry = null);

/// <summary>
/// The tax on one line. <see cref="Jurisdiction"/> is a country or subdivision code ("DE", "US-NY", "CA-QC");
/// <see cref="Rate"/> is the combined rate applied to <see cref="TaxableAmount"/> (which is less than the line's
/// amount where the law taxes part of the price: Texas 80%, Indonesia 11/12); <see cref="Rule"/> names the rule
/// that decided, and <see cref="Note"/> is the wording the invoice must print (empty when none is required).
/// </summary>
public sealed record TaxLineDto(
    string Id,
    string Jurisdiction,
    string TaxType,
    decimal Rate,
    Money TaxableAmount,
    Money TaxAmount,
    string Treatment,
    string Rule,
    string Note);

/// <summary>The buyer's tax id as the quote judged it.</summary>
public sealed record TaxIdCheckDto(bool Valid, string? Normalized, string? Type, string? Reason, bool? Registered, string? Registry);

/// <summary>
/// A stored quote: the answer and, for audit, the request it answered. <see cref="TotalTax"/> is the sum of the
/// lines' tax amounts. <see cref="CommittedAs"/> is the invoice number once committed; <see cref="ReversedBy"/> the
/// credit note's.
/// </summary>
public sealed record TaxQuoteDto(
    TaxQuoteId Id,
    DateOnly Date,
    string IssuingEntity,
    string Currency,
    TaxBuyer Buyer,
    TaxIdCheckDto? BuyerTaxId,
    IReadOnlyList<TaxLineDto> Lines,
    Money TotalTax,
    string RatesVersion,
    DateTimeOffset CreatedAt,
    string? CommittedAs,
    string? ReversedBy);

/// <summary>
/// One line of a partial reversal: the quoted line's <see cref="LineId"/> and the <see cref="Net"/> and
/// <see cref="Tax"/> a credit note takes back from it, with the line's own sign (positive for a charge).
/// </summary>
public sealed record TaxLineReversal(string LineId, Money Net, Money Tax);

/// <summary>What a commit or reversal recorded: one tax transaction per quoted line.</summary>
public sealed record TaxCommitDto(TaxQuoteId QuoteId, string DocumentNumber, string Kind, int Transactions, DateTimeOffset CommittedAt);

/// <summary>
/// One row of the liability report: for an issuing entity, jurisdiction and tax type, the taxable amount and tax
/// collected on charged lines, and the amount supplied under reverse charge, in <see cref="Currency"/> (the
/// jurisdiction's return currency). <see cref="Transactions"/> counts the committed lines summed.
/// </summary>
public sealed record TaxLiabilityRow(
    string IssuingEntity,
    string Jurisdiction,
    string TaxType,
    string Currency,
    Money TaxableAmount,
    Money TaxCollected,
    Money ReverseChargedAmount,
    int Transactions);

/// <summary>The liability of tax dates in [<see cref="From"/>, <see cref="To"/>), per entity, jurisdiction and tax type.</summary>
public sealed record TaxLiabilityReport(string? IssuingEntity, DateOnly From, DateOnly To, IReadOnlyList<TaxLiabilityRow> Rows);

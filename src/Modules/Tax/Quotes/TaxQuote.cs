using Tradewind.Primitives.Ids;

namespace Tradewind.Tax.Quotes;

/// <summary>
/// A stored quote (<c>tax_quotes</c>): the request and the answer as JSON, kept for audit, plus the columns the
/// lifecycle needs. A quote is committed once, with the number of the invoice it was finalized on, and reversed at
/// most once, by a credit note.
/// </summary>
internal sealed class TaxQuote
{
    public TaxQuoteId Id { get; init; }

    public DateOnly Date { get; init; }

    public required string IssuingEntity { get; init; }

    public required string BuyerCountry { get; init; }

    public required string Currency { get; init; }

    public long TotalTaxMinor { get; init; }

    public required string RatesVersion { get; init; }

    /// <summary>The request as received (after parsing), JSON.</summary>
    public required string RequestJson { get; init; }

    /// <summary>The answer (lines, buyer tax id check), JSON.</summary>
    public required string ResultJson { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? CommittedAs { get; set; }

    public DateTimeOffset? CommittedAt { get; set; }

    public string? ReversedBy { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }
}

/// <summary>The JSON shapes of a stored quote: plain strings and decimals, so they read back exactly.</summary>
internal sealed record StoredRequest(DateOnly Date, string? IssuingEntity, string? SellerCountry, StoredBuyer Buyer, IReadOnlyList<StoredRequestLine> Lines);

internal sealed record StoredBuyer(string Country, string? Subdivision, string? TaxId, bool IsBusiness);

internal sealed record StoredRequestLine(string Id, string Amount, string Currency, string TaxCode);

internal sealed record StoredResult(StoredTaxIdCheck? BuyerTaxId, IReadOnlyList<StoredLine> Lines);

internal sealed record StoredTaxIdCheck(bool Valid, string? Normalized, string? Type, string? Reason, bool? Registered, string? Registry);

/// <remarks><c>TaxableShare</c>: absent on quotes stored before it was recorded (read as 1).</remarks>
internal sealed record StoredLine(
    string Id, string Jurisdiction, string TaxType, string Rate, string TaxableAmount, string TaxAmount, string Treatment, string Rule, string Note, string? TaxableShare = null);

namespace Tradewind.Tax.Rates;

/// <summary>Which buyers a rate row applies to.</summary>
internal enum BuyerScope
{
    All,
    Consumer,
    Business,
}

/// <summary>
/// One row of the rates file: <see cref="Rate"/> of <see cref="TaxType"/> in <see cref="Jurisdiction"/> (a country,
/// or a subdivision such as "US-NY" or "CA-QC") for the product tax codes listed, on tax dates in
/// [<see cref="From"/>, <see cref="To"/>] — both ends inclusive local calendar days; a null end is open.
/// <see cref="Base"/> is the taxed fraction of the price (1 except Texas 8/10 and Indonesia 11/12).
/// <see cref="Scope"/> marks rows that apply only when a rule asks for them (India's intra-state CGST+SGST);
/// <see cref="Replaces"/> lists country-level tax types this row stands in for (an HST province replaces the GST).
/// </summary>
internal sealed record TaxRate(
    string Jurisdiction,
    string TaxType,
    decimal Rate,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<string> TaxCodes,
    BuyerScope Buyers,
    string Treatment,
    decimal Base,
    string? Scope,
    IReadOnlyList<string> Replaces,
    string Source,
    string Confidence)
{
    public bool InForceOn(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);

    public bool AppliesTo(bool business) => Buyers == BuyerScope.All || (Buyers == BuyerScope.Business) == business;

    /// <summary>True when both rows could apply to one sale: same jurisdiction, type, scope, a shared code and buyer group, and overlapping days.</summary>
    public bool Overlaps(TaxRate other) =>
        string.Equals(Jurisdiction, other.Jurisdiction, StringComparison.Ordinal)
        && string.Equals(TaxType, other.TaxType, StringComparison.Ordinal)
        && string.Equals(Scope, other.Scope, StringComparison.Ordinal)
        && TaxCodes.Intersect(other.TaxCodes, StringComparer.Ordinal).Any()
        && (Buyers == BuyerScope.All || other.Buyers == BuyerScope.All || Buyers == other.Buyers)
        && (From ?? DateOnly.MinValue) <= (other.To ?? DateOnly.MaxValue)
        && (other.From ?? DateOnly.MinValue) <= (To ?? DateOnly.MaxValue);
}

/// <summary>How a jurisdiction rounds the tax on an invoice (tax.md §6).</summary>
internal enum RoundingRule
{
    /// <summary>Each line's tax rounded to the currency's minor unit, half away from zero.</summary>
    PerLine,

    /// <summary>One rounding per tax rate per invoice (Japan, NTA Q&amp;A Q46), then allocated back to the lines.</summary>
    PerRatePerInvoice,
}

/// <summary>
/// A country's tax profile from the rates file: its rule group (the prefix of rule names), the currency its returns
/// are filed in, how a valid business tax id changes the sale (<c>reverse_charge</c> or <c>charge</c>, with the
/// rule named in <see cref="B2bRule"/>), the legend a reverse-charged invoice prints, its rounding, and when its
/// regime for foreign suppliers began.
/// </summary>
internal sealed record Jurisdiction(
    string Country,
    string Group,
    string ReturnCurrency,
    bool B2bReverseCharge,
    string? B2bRule,
    RoundingRule Rounding,
    string? Legend,
    DateOnly? RegimeFrom,
    bool ForeignSupplierRegime,
    string? RegimeNote);

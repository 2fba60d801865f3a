using Tradewind.Primitives.Money;

namespace Tradewind.Tax.Rules;

/// <summary>
/// The operator entity that issues the invoice, as tax sees it: where it is established (<see cref="Country"/>, and
/// <see cref="Region"/> for India's state) and where it holds tax registrations (a country, or a subdivision for US
/// states and Canadian provinces).
/// </summary>
internal sealed record SellingEntity(string Code, string Country, string? Region, IReadOnlyList<Registration> Registrations);

/// <summary>One tax registration: <see cref="Subdivision"/> is null for a country-wide registration.</summary>
internal sealed record Registration(string Country, string? Subdivision);

/// <summary>
/// A sale to tax: the entity selling, the buyer's country and subdivision, whether it is a business and whether its
/// tax id is valid (<see cref="TaxIdReason"/> says why not), on <see cref="Date"/>, the tax point's local calendar day.
/// </summary>
internal sealed record TaxSale(
    DateOnly Date,
    SellingEntity Entity,
    string BuyerCountry,
    string? BuyerSubdivision,
    bool IsBusiness,
    string? TaxId,
    bool TaxIdValid,
    string? TaxIdReason,
    IReadOnlyList<SaleLine> Lines);

/// <summary>One line: its id, net amount (never negative) and product tax code.</summary>
internal sealed record SaleLine(string Id, Money Amount, string TaxCode);

/// <summary>
/// What the rules decided for a line, before any amount is computed: where and which tax, the combined
/// <see cref="Rate"/> on the taxed fraction <see cref="Base"/> of the price, the treatment, the rule's name, the
/// invoice wording, and the jurisdiction's rounding.
/// </summary>
internal sealed record LineDecision(
    string Jurisdiction,
    string TaxType,
    decimal Rate,
    decimal Base,
    string Treatment,
    string Rule,
    string Note,
    Rates.RoundingRule Rounding);

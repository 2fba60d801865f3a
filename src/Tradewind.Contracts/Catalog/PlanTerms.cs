using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>
/// A plan's terms, as written by the seller, stored (as JSON) with each published version, and copied into agreements.
/// Prices are decimal strings in USD (unit prices may be finer than a cent: <c>"0.0125"</c>); quantities are numbers.
/// A plan combines any of: a free trial, a free tier, usage dimensions with prices, and a contract.
/// </summary>
public sealed record PlanTerms(
    string Name,
    string? Description,
    FreeTrialTerms? FreeTrial,
    IReadOnlyList<FreeUnits>? FreeTier,
    IReadOnlyList<UsageDimension>? Dimensions,
    ContractTerms? Contract,
    string Currency = "USD");

/// <param name="Days">1 to 90.</param>
/// <param name="Quotas">Optional caps on usage during the trial, per dimension.</param>
public sealed record FreeTrialTerms(int Days, IReadOnlyList<DimensionQuantity>? Quotas);

public sealed record DimensionQuantity(string Dimension, decimal Quantity);

/// <summary>Units of a dimension free each month before prices apply.</summary>
public sealed record FreeUnits(string Dimension, decimal UnitsPerMonth);

/// <summary>
/// Something the seller's software meters. <see cref="Key"/> matches <c>^[a-z][a-z0-9_]{0,63}$</c> and is unique in the plan.
/// <see cref="Price"/> is required for usage plans and for contract overage, and absent otherwise.
/// </summary>
public sealed record UsageDimension(string Key, string Name, string Unit, PriceModelTerms? Price);

public enum PriceModelKind
{
    /// <summary>Every unit at <see cref="PriceModelTerms.UnitPrice"/>.</summary>
    PerUnit,

    /// <summary>Each tier's units at that tier's price (the first 1,000 at 0.01, the next at 0.008, …).</summary>
    Graduated,

    /// <summary>All units at the price of the tier the total falls in.</summary>
    Volume,

    /// <summary>Whole packages of <see cref="PriceModelTerms.PackageSize"/> units at <see cref="PriceModelTerms.PackagePrice"/>; a started package is charged.</summary>
    Package,
}

/// <summary>How a dimension is priced. Only the fields of <see cref="Model"/> are read.</summary>
public sealed record PriceModelTerms(
    PriceModelKind Model,
    string? UnitPrice = null,
    IReadOnlyList<PriceTier>? Tiers = null,
    decimal? PackageSize = null,
    string? PackagePrice = null);

/// <summary>
/// One tier: units above <see cref="From"/> up to and including <see cref="UpTo"/> (null: no upper end). Tiers are
/// ordered, the first starts at 0, each starts where the previous ends, and only the last is open-ended.
/// </summary>
public sealed record PriceTier(decimal From, decimal? UpTo, string UnitPrice);

/// <summary>
/// A commitment for <see cref="TermMonths"/> (1, 12, 24 or 36) at <see cref="Price"/>, paid upfront
/// (<see cref="Installments"/> = 1) or in that many equal installments that add up to the price exactly.
/// With <see cref="Overage"/>, use beyond an entitlement is charged at the dimension's usage price.
/// A private offer may instead fix a flexible <see cref="Schedule"/> (up to 60 payments with dates and amounts that sum to
/// <see cref="Price"/>; <see cref="Installments"/> is then its count, and <see cref="TermMonths"/> may be 1 to 60).
/// </summary>
public sealed record ContractTerms(int TermMonths, string Price, int Installments, bool Overage, IReadOnlyList<Entitlement> Entitlements, IReadOnlyList<ContractPayment>? Schedule = null);

/// <summary>One payment of a flexible schedule: <see cref="Amount"/> (decimal string in the terms' currency) due on
/// <see cref="DueOn"/> (a UTC date; a date before the contract starts falls due at its start).</summary>
public sealed record ContractPayment(DateOnly DueOn, string Amount);

/// <summary>What a contract includes of one dimension: <see cref="Quantity"/> units per month, or <see cref="Unlimited"/>.</summary>
public sealed record Entitlement(string Dimension, decimal? Quantity, bool Unlimited = false);

/// <summary>A plan of a product: its working (draft) terms and the latest published version.</summary>
public sealed record PlanDto(
    PlanId Id,
    ProductId ProductId,
    PlanTerms DraftTerms,
    bool HasDraftChanges,
    int? PublishedVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// Immutable published terms of a plan. Buyers who accepted version N keep it when N+1 is published.
/// <see cref="Installments"/> is the contract's payment schedule (one amount when paid upfront), empty without a contract.
/// </summary>
public sealed record PlanVersionDto(
    PlanId PlanId,
    ProductId ProductId,
    int Version,
    PlanTerms Terms,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> PricingModels,
    IReadOnlyList<DimensionPriceTable> PriceTables,
    IReadOnlyList<Primitives.Money.Money> Installments);

/// <summary>A dimension's prices as rows for a pricing table.</summary>
public sealed record DimensionPriceTable(string Dimension, string Name, string Unit, PriceModelKind Model, IReadOnlyList<PriceTableRow> Rows);

/// <summary>
/// One row of a pricing table: units above <see cref="From"/> up to <see cref="UpTo"/> (null: and more) cost
/// <see cref="Price"/> USD per <see cref="Per"/> units. <see cref="Text"/> is an invariant English rendering,
/// e.g. <c>"0–1000 units: 0.01 USD per unit"</c>.
/// </summary>
public sealed record PriceTableRow(decimal From, decimal? UpTo, string Price, decimal Per, string Text);

using System.Globalization;
using System.Text.RegularExpressions;
using Tradewind.Catalog.Pricing.PriceModels;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing;

/// <summary>
/// A plan's terms, checked and read: each priced dimension's <see cref="IPriceModel"/>, the contract price and its
/// installments. Built only through <see cref="Parse"/>, which refuses terms that break a rule, naming the field.
/// </summary>
internal sealed partial class PlanDefinition
{
    public static readonly IReadOnlyList<int> ContractTerms = [1, 12, 24, 36];
    private const int MaxDimensions = 24;

    private PlanDefinition(PlanTerms terms, Currency currency, IReadOnlyDictionary<string, IPriceModel> prices, Money? contractPrice)
    {
        Terms = terms;
        Currency = currency;
        Prices = prices;
        ContractPrice = contractPrice;
    }

    public PlanTerms Terms { get; }

    public Currency Currency { get; }

    /// <summary>The price model of each priced dimension, by key.</summary>
    public IReadOnlyDictionary<string, IPriceModel> Prices { get; }

    public Money? ContractPrice { get; }

    /// <summary>Which kinds this plan offers, in the order of <see cref="PricingModels.All"/>.</summary>
    public IReadOnlyList<string> PricingModels
    {
        get
        {
            var models = new List<string>(4);
            if (Terms.FreeTrial is not null)
            {
                models.Add(Contracts.Catalog.PricingModels.FreeTrial);
            }

            if (Terms.FreeTier is { Count: > 0 })
            {
                models.Add(Contracts.Catalog.PricingModels.FreeTier);
            }

            models.Add(Terms.Contract is null ? Contracts.Catalog.PricingModels.Usage : Contracts.Catalog.PricingModels.Contract);
            return models;
        }
    }

    /// <summary>The contract's payment schedule: one amount upfront, or N equal parts that add up to the price exactly.</summary>
    public IReadOnlyList<Money> Installments() =>
        ContractPrice is { } price && Terms.Contract is { } contract ? price.Allocate(Enumerable.Repeat(1, contract.Installments).ToArray()) : [];

    /// <summary>The lowest positive price a buyer pays and what for: a unit price (per the dimension's unit) or a contract's monthly equivalent.</summary>
    public (decimal Amount, string Per)? LowestPrice()
    {
        if (Terms.Contract is { } contract && ContractPrice is { IsPositive: true } price)
        {
            return (decimal.Round(price.Amount / contract.TermMonths, Currency.MinorUnits, MidpointRounding.AwayFromZero), "month");
        }

        (decimal Amount, string Per)? lowest = null;
        foreach (var dimension in Terms.Dimensions ?? [])
        {
            if (Prices.TryGetValue(dimension.Key, out var model) && model.LowestPositiveUnitPrice is { } unit && (lowest is null || unit < lowest.Value.Amount))
            {
                lowest = (unit, dimension.Unit);
            }
        }

        return lowest;
    }

    public IReadOnlyList<DimensionPriceTable> PriceTables() =>
        (Terms.Dimensions ?? []).Where(d => Prices.ContainsKey(d.Key))
            .Select(d => new DimensionPriceTable(d.Key, d.Name, d.Unit, Prices[d.Key].Kind, Prices[d.Key].Describe()))
            .ToList();

    /// <summary>Checks every rule of a plan's terms and reads them; throws <see cref="ValidationFailedException"/> listing every broken rule.</summary>
    public static PlanDefinition Parse(PlanTerms terms)
    {
        if (terms is null)
        {
            throw new ValidationFailedException("body", "Give the plan's terms.");
        }

        var validation = new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(terms.Name) && terms.Name.Trim().Length <= 100, "name", "Name the plan (up to 100 characters).");
        validation.Require(terms.Description is null || terms.Description.Length <= 1000, "description", "A description has up to 1,000 characters.");
        if (!string.Equals(terms.Currency ?? "USD", "USD", StringComparison.Ordinal))
        {
            validation.Add("currency", "Public offers are priced in USD.");
        }

        var currency = Currency.USD;
        var dimensions = terms.Dimensions ?? [];
        var keys = ReadDimensions(dimensions, validation);
        var contract = terms.Contract;
        var needsPrices = contract is null || contract.Overage;
        var prices = new Dictionary<string, IPriceModel>(StringComparer.Ordinal);
        for (var i = 0; i < dimensions.Count; i++)
        {
            var dimension = dimensions[i];
            if (dimension is null)
            {
                continue;
            }

            var field = $"dimensions[{i}].price";
            if (dimension.Price is null)
            {
                validation.Require(!needsPrices, field, contract is null
                    ? "Price every usage dimension."
                    : "Overage is charged at usage prices: price every dimension.");
                continue;
            }

            if (!needsPrices)
            {
                validation.Add(field, "Prices apply to usage plans and to contract overage; this contract has no overage.");
                continue;
            }

            if (PriceModelFactory.Create(dimension.Price, currency, validation, field) is { } model && dimension.Key is not null)
            {
                prices.TryAdd(dimension.Key, model);
            }
        }

        if (contract is null && dimensions.Count == 0)
        {
            validation.Add("dimensions", "A plan needs usage dimensions with prices, a contract, or both (contract with overage).");
        }

        if (contract is null && prices.Count == dimensions.Count(d => d is not null) && prices.Count > 0 && !prices.Values.Any(p => p.HasPositivePrice))
        {
            validation.Add("dimensions", "A paid plan has at least one price above 0.");
        }

        var contractPrice = contract is null ? null : ReadContract(contract, keys, prices, currency, validation);
        ReadFreeTrial(terms.FreeTrial, keys, validation);
        ReadFreeTier(terms.FreeTier, keys, needsPrices, validation);
        validation.ThrowIfInvalid();
        return new PlanDefinition(terms, currency, prices, contractPrice);
    }

    private static HashSet<string> ReadDimensions(IReadOnlyList<UsageDimension> dimensions, Validation validation)
    {
        validation.Require(dimensions.Count <= MaxDimensions, "dimensions", $"A plan has at most {MaxDimensions} dimensions.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dimensions.Count; i++)
        {
            var dimension = dimensions[i];
            var at = $"dimensions[{i}]";
            if (dimension is null)
            {
                validation.Add(at, "A dimension cannot be null.");
                continue;
            }

            if (dimension.Key is null || !DimensionKey().IsMatch(dimension.Key))
            {
                validation.Add($"{at}.key", "A key is a lower-case letter then up to 63 lower-case letters, digits or underscores, e.g. api_calls.");
            }
            else if (!keys.Add(dimension.Key))
            {
                validation.Add($"{at}.key", $"The key '{dimension.Key}' is already used in this plan.");
            }

            validation
                .Require(!string.IsNullOrWhiteSpace(dimension.Name) && dimension.Name.Length <= 100, $"{at}.name", "Give a display name of up to 100 characters.")
                .Require(!string.IsNullOrWhiteSpace(dimension.Unit) && dimension.Unit.Length <= 40, $"{at}.unit", "Give the unit (up to 40 characters), e.g. request or GB.");
        }

        return keys;
    }

    private static Money? ReadContract(ContractTerms contract, HashSet<string> keys, Dictionary<string, IPriceModel> prices, Currency currency, Validation validation)
    {
        validation.Require(ContractTerms.Contains(contract.TermMonths), "contract.termMonths", "A contract runs 1, 12, 24 or 36 months.");
        validation.Require(
            contract.Installments >= 1 && contract.Installments <= Math.Max(1, contract.TermMonths),
            "contract.installments",
            "Pay upfront (1) or in up to one installment per month of the term.");
        if (contract.Overage && keys.Count == 0)
        {
            validation.Add("contract.overage", "Overage is charged at usage prices: add the usage dimensions with their prices.");
        }

        var entitlements = contract.Entitlements ?? [];
        validation.Require(entitlements.Count > 0, "contract.entitlements", "Say what the contract includes: a quantity or unlimited, per dimension.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entitlements.Count; i++)
        {
            var entitlement = entitlements[i];
            var at = $"contract.entitlements[{i}]";
            if (entitlement is null || entitlement.Dimension is null || !keys.Contains(entitlement.Dimension))
            {
                validation.Add($"{at}.dimension", "Name one of the plan's dimensions.");
                continue;
            }

            validation.Require(seen.Add(entitlement.Dimension), $"{at}.dimension", "Each dimension has one entitlement.");
            validation.Require(
                entitlement.Unlimited ? entitlement.Quantity is null : entitlement.Quantity is > 0,
                $"{at}.quantity",
                "Give a quantity above 0, or unlimited: true without a quantity.");
        }

        if (!Money.TryParse(contract.Price, currency, out var price) || price.IsNegative)
        {
            validation.Add("contract.price", $"Give the contract price as a decimal string with at most {currency.MinorUnits} decimals, e.g. \"1200.00\".");
            return null;
        }

        if (!price.IsPositive && !prices.Values.Any(p => p.HasPositivePrice))
        {
            validation.Add("contract.price", "A paid plan has at least one price above 0.");
        }

        return price;
    }

    private static void ReadFreeTrial(FreeTrialTerms? trial, HashSet<string> keys, Validation validation)
    {
        if (trial is null)
        {
            return;
        }

        validation.Require(trial.Days is >= 1 and <= 90, "freeTrial.days", "A free trial lasts 1 to 90 days.");
        var quotas = trial.Quotas ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < quotas.Count; i++)
        {
            var quota = quotas[i];
            var at = $"freeTrial.quotas[{i}]";
            if (quota?.Dimension is null || !keys.Contains(quota.Dimension) || !seen.Add(quota.Dimension))
            {
                validation.Add($"{at}.dimension", "Name one of the plan's dimensions, once.");
                continue;
            }

            validation.Require(quota.Quantity >= 0, $"{at}.quantity", "A quota cannot be negative.");
        }
    }

    private static void ReadFreeTier(IReadOnlyList<FreeUnits>? tier, HashSet<string> keys, bool priced, Validation validation)
    {
        if (tier is null || tier.Count == 0)
        {
            return;
        }

        if (!priced)
        {
            validation.Add("freeTier", "Free units come before usage prices; this plan has none.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tier.Count; i++)
        {
            var free = tier[i];
            var at = $"freeTier[{i}]";
            if (free?.Dimension is null || !keys.Contains(free.Dimension) || !seen.Add(free.Dimension))
            {
                validation.Add($"{at}.dimension", "Name one of the plan's dimensions, once.");
                continue;
            }

            validation.Require(free.UnitsPerMonth > 0, $"{at}.unitsPerMonth", "Give more than 0 free units per month.");
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Terms.Name} ({string.Join(", ", PricingModels)})");

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DimensionKey();
}

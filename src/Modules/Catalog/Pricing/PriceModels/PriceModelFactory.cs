using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing.PriceModels;

/// <summary>Builds the price model a dimension's terms name, reading its prices in the plan's currency.</summary>
internal static class PriceModelFactory
{
    /// <summary>
    /// The model for <paramref name="terms"/>, validated; null (with errors added under <paramref name="field"/>) when a
    /// price cannot be read or a field the model needs is missing. Call <see cref="IPriceModel.Validate"/> is done here.
    /// </summary>
    public static IPriceModel? Create(PriceModelTerms terms, Currency currency, Validation validation, string field)
    {
        ArgumentNullException.ThrowIfNull(terms);
        IPriceModel? model = terms.Model switch
        {
            PriceModelKind.PerUnit => ReadUnitPrice(terms.UnitPrice, currency, validation, $"{field}.unitPrice") is { } price ? new PerUnitPriceModel(price) : null,
            PriceModelKind.Graduated => ReadTiers(terms.Tiers, currency, validation, field) is { } tiers ? new GraduatedPriceModel(tiers, currency) : null,
            PriceModelKind.Volume => ReadTiers(terms.Tiers, currency, validation, field) is { } tiers ? new VolumePriceModel(tiers) : null,
            PriceModelKind.Package => ReadPackage(terms, currency, validation, field),
            _ => Unknown(validation, field),
        };
        model?.Validate(validation, field);
        return model;
    }

    /// <summary>The model of terms already validated (read back from a published version).</summary>
    public static IPriceModel CreateValid(PriceModelTerms terms, Currency currency)
    {
        var validation = new Validation();
        var model = Create(terms, currency, validation, "price");
        validation.ThrowIfInvalid();
        return model!;
    }

    private static IPriceModel? Unknown(Validation validation, string field)
    {
        validation.Add($"{field}.model", "Model must be perUnit, graduated, volume or package.");
        return null;
    }

    private static UnitPrice? ReadUnitPrice(string? text, Currency currency, Validation validation, string field)
    {
        if (UnitPrice.TryParse(text, currency, out var price))
        {
            return price;
        }

        validation.Add(field, $"Give a price of 0 or more as a decimal string with at most {UnitPrice.MaxDecimalPlaces} decimals, e.g. \"0.0125\".");
        return null;
    }

    private static List<Tier>? ReadTiers(IReadOnlyList<PriceTier>? tiers, Currency currency, Validation validation, string field)
    {
        if (tiers is null || tiers.Count == 0)
        {
            validation.Add($"{field}.tiers", "Give at least one tier; the last has no upper end (upTo: null).");
            return null;
        }

        var read = new List<Tier>(tiers.Count);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (tier is null)
            {
                validation.Add($"{field}.tiers[{i}]", "A tier cannot be null.");
                return null;
            }

            validation.Require(tier.From >= 0, $"{field}.tiers[{i}].from", "Quantities cannot be negative.");
            if (ReadUnitPrice(tier.UnitPrice, currency, validation, $"{field}.tiers[{i}].unitPrice") is not { } price)
            {
                return null;
            }

            read.Add(new Tier(tier.From, tier.UpTo, price));
        }

        return read;
    }

    private static PackagePriceModel? ReadPackage(PriceModelTerms terms, Currency currency, Validation validation, string field)
    {
        if (terms.PackageSize is not { } size)
        {
            validation.Add($"{field}.packageSize", "Give how many units a package holds.");
            return null;
        }

        if (!Money.TryParse(terms.PackagePrice, currency, out var price) || price.IsNegative)
        {
            validation.Add($"{field}.packagePrice", $"Give the price of a package as a decimal string with at most {currency.MinorUnits} decimals, e.g. \"5.00\".");
            return null;
        }

        return new PackagePriceModel(size, price);
    }
}

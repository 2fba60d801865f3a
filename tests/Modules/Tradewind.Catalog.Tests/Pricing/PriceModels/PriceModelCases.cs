using Tradewind.Catalog.Pricing.PriceModels;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Tests.Pricing.PriceModels;

/// <summary>Builds price models the way the factory does, from the seller's terms.</summary>
internal static class PriceModelCases
{
    public static readonly PriceTier[] DiscountLadder = [new(0, 1000, "0.01"), new(1000, 10000, "0.008"), new(10000, null, "0.005")];

    public static IPriceModel Build(PriceModelTerms terms)
    {
        var validation = new Validation();
        var model = PriceModelFactory.Create(terms, Currency.USD, validation, "price");
        validation.ThrowIfInvalid();
        return model!;
    }

    public static IReadOnlyDictionary<string, string[]> Errors(PriceModelTerms terms)
    {
        var validation = new Validation();
        PriceModelFactory.Create(terms, Currency.USD, validation, "price");
        try
        {
            validation.ThrowIfInvalid();
            return new Dictionary<string, string[]>();
        }
        catch (ValidationFailedException e)
        {
            return e.Errors;
        }
    }

    public static PriceModelTerms Tiers(PriceModelKind kind, params PriceTier[] tiers) => new(kind, Tiers: tiers);
}

using Tradewind.Contracts.Catalog;
using static Tradewind.Catalog.Tests.Pricing.PriceModels.PriceModelCases;

namespace Tradewind.Catalog.Tests.Pricing.PriceModels;

public sealed class TierLadderTests
{
    public static TheoryData<string, PriceTier[], string, string> BrokenLadders => new()
    {
        { "overlap", [new(0, 1000, "0.01"), new(900, null, "0.008")], "price.tiers[1].from", "Overlap" },
        { "gap", [new(0, 1000, "0.01"), new(1100, null, "0.008")], "price.tiers[1].from", "Gap" },
        { "first tier not at 0", [new(10, 1000, "0.01"), new(1000, null, "0.008")], "price.tiers[0].from", "starts at 0" },
        { "open end missing", [new(0, 1000, "0.01"), new(1000, 5000, "0.008")], "price.tiers[1].upTo", "open-ended" },
        { "open tier in the middle", [new(0, null, "0.01"), new(1000, null, "0.008")], "price.tiers[0].upTo", "Only the last" },
        { "upTo not above from", [new(0, 1000, "0.01"), new(1000, 1000, "0.008"), new(1000, null, "0.001")], "price.tiers[1].upTo", "greater" },
        { "negative price", [new(0, null, "-0.01")], "price.tiers[0].unitPrice", "0 or more" },
    };

    [Theory]
    [MemberData(nameof(BrokenLadders))]
    public void A_broken_ladder_is_refused_naming_the_tier(string @case, PriceTier[] tiers, string field, string message)
    {
        foreach (var kind in new[] { PriceModelKind.Graduated, PriceModelKind.Volume })
        {
            var errors = Errors(Tiers(kind, tiers));

            Assert.True(errors.ContainsKey(field), $"{@case}, {kind}: expected an error on {field}, got {string.Join(", ", errors.Keys)}");
            Assert.Contains(errors[field], m => m.Contains(message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_contiguous_ladder_from_zero_with_an_open_top_is_accepted()
    {
        Assert.Empty(Errors(Tiers(PriceModelKind.Graduated, DiscountLadder)));
        Assert.Empty(Errors(Tiers(PriceModelKind.Volume, new PriceTier(0, null, "0.01"))));
    }

    [Fact]
    public void A_ladder_without_tiers_is_refused()
    {
        Assert.Contains("price.tiers", Errors(Tiers(PriceModelKind.Graduated)).Keys);
    }
}

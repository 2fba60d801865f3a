using CsCheck;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Pages.Seller.Offers;

namespace Tradewind.Web.Tests.Offers;

/// <summary>The offer builder's arithmetic and its form: the suggested commitment, "Fill schedule", and how refusals find their inputs.</summary>
public sealed class OfferBuilderFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_run_rate_is_the_metered_quantity_per_month_valued_after_free_units_and_the_commitment_takes_ten_percent_off_the_term()
    {
        var terms = new PlanTerms("PAYG", null, null, [new FreeUnits("requests", 1_000)], [
            new UsageDimension("requests", "Requests", "request", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.01")),
            new UsageDimension("storage", "Storage", "GB", new PriceModelTerms(PriceModelKind.Package, PackageSize: 100, PackagePrice: "5.00")),
        ], null);
        var (from, to) = CommitmentSuggestion.Window(Now.AddYears(-1), Now);
        var months = (decimal)(to - from).TotalDays / 30.4375m;
        var metered = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["requests"] = (long)decimal.Round(31_000m * months, 0, MidpointRounding.AwayFromZero),
            ["storage"] = (long)decimal.Round(250m * months, 0, MidpointRounding.AwayFromZero),
        };

        var suggestion = CommitmentSuggestion.Suggest(terms, metered, from, to, 12);

        Assert.Equal(Now.AddMonths(-3), suggestion.From);
        var requests = Assert.Single(suggestion.Dimensions, d => d.Dimension == "requests");
        Assert.Equal(31_000m, decimal.Round(requests.QuantityPerMonth, 0, MidpointRounding.AwayFromZero));
        Assert.Equal(Money.Parse("300.00", Currency.USD), requests.ValuePerMonth);
        var storage = Assert.Single(suggestion.Dimensions, d => d.Dimension == "storage");
        Assert.Equal(Money.Parse("15.00", Currency.USD), storage.ValuePerMonth);
        Assert.Equal(Money.Parse("315.00", Currency.USD), suggestion.MonthlyValue);
        Assert.Equal(Money.Parse("3402.00", Currency.USD), suggestion.ContractPrice);

        var installments = suggestion.Installments(new DateOnly(2026, 11, 28));
        Assert.Equal([new DateOnly(2026, 11, 28), new DateOnly(2027, 2, 28), new DateOnly(2027, 5, 28), new DateOnly(2027, 8, 28)], installments.Select(i => i.DueOn));
        Assert.All(installments, i => Assert.Equal(Money.Parse("850.50", Currency.USD), i.Amount));
    }

    [Fact]
    public void A_young_agreement_is_read_from_its_start_and_scaled_to_a_month()
    {
        var accepted = Now.AddDays(-15);
        var (from, to) = CommitmentSuggestion.Window(accepted, Now);
        var terms = new PlanTerms("PAYG", null, null, null, [new UsageDimension("requests", "Requests", "request", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.02"))], null);

        var suggestion = CommitmentSuggestion.Suggest(terms, new Dictionary<string, long>(StringComparer.Ordinal) { ["requests"] = 15_000 }, from, to, 12);

        Assert.Equal(accepted, suggestion.From);
        Assert.InRange(suggestion.Dimensions[0].QuantityPerMonth, 30_437m, 30_438m);
        Assert.Equal(Money.Parse("608.75", Currency.USD), suggestion.MonthlyValue);
    }

    [Theory]
    [InlineData(PriceModelKind.Graduated, 1_500, "12.50")]
    [InlineData(PriceModelKind.Volume, 1_500, "7.50")]
    [InlineData(PriceModelKind.Volume, 800, "8.00")]
    public void Tiered_prices_charge_the_run_rate_as_billing_would(PriceModelKind model, int quantity, string expected)
    {
        var price = new PriceModelTerms(model, Tiers: [new PriceTier(0, 1_000, "0.01"), new PriceTier(1_000, null, "0.005")]);

        var charge = CommitmentSuggestion.Charge(price, quantity, Currency.USD);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), charge);
    }

    [Fact]
    public void Without_usage_nothing_is_suggested()
    {
        var terms = new PlanTerms("PAYG", null, null, null, [new UsageDimension("requests", "Requests", "request", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.02"))], null, "EUR");

        var suggestion = CommitmentSuggestion.Suggest(terms, new Dictionary<string, long>(StringComparer.Ordinal), Now.AddMonths(-3), Now, 12);

        Assert.True(suggestion.ContractPrice.IsZero);
        Assert.Equal(Currency.EUR, suggestion.ContractPrice.Currency);
    }

    [Fact]
    public void A_filled_schedule_sums_to_the_price_its_dates_ascend_inside_the_term_and_the_first_is_the_start() =>
        Gen.Select(Gen.Long[1, 100_000_000], Gen.Int[1, 60], Gen.Int[1, 60], Gen.Int[0, 3_000], Gen.Int[0, 2].Select(i => new[] { Currency.USD, Currency.JPY, Currency.EUR }[i]))
            .Where(x => x.Item3 <= (new DateOnly(2026, 1, 1).AddDays(x.Item4).AddMonths(x.Item2).DayNumber - new DateOnly(2026, 1, 1).AddDays(x.Item4).DayNumber))
            .Sample((minor, term, count, offset, currency) =>
            {
                var first = new DateOnly(2026, 1, 1).AddDays(offset);
                var total = Money.FromMinor(minor, currency);

                var schedule = ScheduleFill.Even(total, count, first, term);

                Assert.Equal(count, schedule.Count);
                Assert.Equal(total, schedule.Aggregate(Money.Zero(currency), (sum, p) => sum + p.Amount));
                Assert.Equal(first, schedule[0].DueOn);
                Assert.True(schedule.Zip(schedule.Skip(1)).All(p => p.First.DueOn < p.Second.DueOn), "Dates ascend strictly.");
                Assert.True(schedule[^1].DueOn < first.AddMonths(term), "Every date lies inside the term.");
                Assert.True(schedule.Max(p => p.Amount.MinorUnits) - schedule.Min(p => p.Amount.MinorUnits) <= 1, "The payments are equal to the minor unit.");
            });

    [Fact]
    public void Three_payments_of_a_yen_price_split_without_decimals_and_the_first_takes_the_remainder()
    {
        var schedule = ScheduleFill.Even(Money.Parse("1000000", Currency.JPY), 3, new DateOnly(2026, 12, 1), 12);

        Assert.Equal(["333334", "333333", "333333"], schedule.Select(p => p.Amount.ToMajorString()));
        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2027, 4, 1), new DateOnly(2027, 8, 1)], schedule.Select(p => p.DueOn));
    }

    [Fact]
    public void The_form_sends_only_the_rows_filled_in_and_maps_the_offers_error_keys_back_to_those_rows()
    {
        var product = ProductId.From(Guid.CreateVersion7());
        var plan = Guid.CreateVersion7();
        var form = new OfferForm
        {
            Plan = $"{product}:{plan}",
            BuyerEmailDomain = "@example.de",
            Currency = "eur",
            SellerEntityId = Guid.CreateVersion7().ToString(),
            TermMonths = "12",
            ContractPrice = "1200.00",
            Payment = OfferForm.Scheduled,
            Overage = false,
            ExpiresOn = "2026-12-31",
            Dimensions =
            [
                new OfferDimensionForm { Key = "requests" },
                new OfferDimensionForm { Key = "storage", DiscountPercent = "15 %", Included = "100" },
                new OfferDimensionForm { Key = "seats", UnitPrice = "9.50", Unlimited = true },
            ],
            Installments =
            [
                new InstallmentForm { DueOn = "2026-12-01", Amount = "600.00" },
                new InstallmentForm(),
                new InstallmentForm { DueOn = "2027-06-01", Amount = "500.00" },
            ],
        };
        var modelState = new ModelStateDictionary();

        var (draft, map) = form.ToDraft(null, modelState, new EnglishLocalizer());

        Assert.True(modelState.IsValid);
        Assert.NotNull(draft);
        Assert.Equal(new PlanId(plan), draft.BasePlanId);
        Assert.Null(draft.BuyerId);
        Assert.Equal("example.de", draft.BuyerEmailDomain);
        Assert.Equal("EUR", draft.Currency);
        Assert.Equal(new DateOnly(2026, 12, 31), draft.ExpiresOn);
        Assert.Equal(new[] { new OfferDimensionPrice("storage", null, 15m), new OfferDimensionPrice("seats", "9.50", null) }, draft.Prices);
        Assert.Equal(new[] { new Entitlement("storage", 100m), new Entitlement("seats", null, true) }, draft.Entitlements);
        Assert.Equal(2, draft.Installments!.Count);

        Assert.Equal("Form.Installments[2].Amount", map("installments[1].amount"));
        Assert.Equal("Form.Installments[2].DueOn", map("installments[1].dueOn"));
        Assert.Equal("Form.Installments", map("installments"));
        Assert.Equal("Form.Dimensions[1].DiscountPercent", map("prices[0].discountPercent"));
        Assert.Equal("Form.Dimensions[2].UnitPrice", map("prices[1].unitPrice"));
        Assert.Equal("Form.Dimensions[2].Included", map("entitlements[1].quantity"));
        Assert.Equal("Form.ExpiresOn", map("expiresOn"));
        Assert.Equal("Form.BuyerEmailDomain", map("buyerEmailDomain"));
        Assert.Equal("Form.Plan", map("basePlanId"));
        Assert.Equal("", map("somethingElse"));
    }

    [Fact]
    public void Unreadable_numbers_and_dates_stay_on_the_form_with_their_errors_and_nothing_is_sent()
    {
        var form = new OfferForm
        {
            Plan = "not-a-plan",
            SellerEntityId = "",
            TermMonths = "twelve",
            ExpiresOn = "31.12.2026",
            Payment = OfferForm.Scheduled,
            Dimensions = [new OfferDimensionForm { Key = "requests", DiscountPercent = "ten" }],
            Installments = [new InstallmentForm { DueOn = "tomorrow", Amount = "10" }],
        };
        var modelState = new ModelStateDictionary();

        var (draft, _) = form.ToDraft(null, modelState, new EnglishLocalizer());

        Assert.Null(draft);
        Assert.Equal(
            ["Form.Dimensions[0].DiscountPercent", "Form.ExpiresOn", "Form.Installments[0].DueOn", "Form.Plan", "Form.SellerEntityId", "Form.TermMonths"],
            modelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>The English text as written, which is what the resources hold for English.</summary>
    private sealed class EnglishLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

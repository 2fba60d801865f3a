using CsCheck;
using Tradewind.Agreements.PrivateOffers;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Agreements.Tests.PrivateOffers;

public sealed class OfferTermsBuilderTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static readonly PlanTerms Payg = new("PAYG", null, null, null,
    [
        new UsageDimension("requests", "Requests", "request", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.01")),
        new UsageDimension("storage", "Storage", "GB", new PriceModelTerms(PriceModelKind.Graduated, Tiers: [new PriceTier(0, 1000, "0.10"), new PriceTier(1000, null, "0.08")])),
        new UsageDimension("exports", "Exports", "package", new PriceModelTerms(PriceModelKind.Package, PackageSize: 100, PackagePrice: "5.00")),
    ], null);

    private static OfferBasis Basis(PlanTerms? plan = null, params string[] usageCurrencies) =>
        new(plan ?? Payg, "Alpha Logs", Today, ["USD", "EUR", "GBP", "AUD", "JPY"], usageCurrencies.Length == 0 ? ["USD"] : usageCurrencies);

    private static PrivateOfferDraft Draft(
        string currency = "EUR", int term = 12, string? price = "1200.00", IReadOnlyList<OfferInstallment>? installments = null, IReadOnlyList<OfferDimensionPrice>? prices = null,
        IReadOnlyList<Entitlement>? entitlements = null, bool overage = false, DateOnly? expiresOn = null, OrganisationId? buyer = null, string? domain = null,
        LicenceKind licence = LicenceKind.Standard, string? customTerms = null, string? note = null, string? name = null) =>
        new(ProductId.From(Guid.CreateVersion7()), PlanId.From(Guid.CreateVersion7()), null, buyer ?? (domain is null ? OrganisationId.From(Guid.CreateVersion7()) : null), domain,
            currency, SellerEntityId.From(Guid.CreateVersion7()), term, prices, price, entitlements, installments, overage, false, licence, customTerms,
            expiresOn ?? Today.AddDays(7), note, name);

    private static IReadOnlyDictionary<string, string[]> Refusal(PrivateOfferDraft draft, OfferBasis? basis = null) =>
        Assert.Throws<ValidationFailedException>(() => OfferTermsBuilder.Build(draft, basis ?? Basis())).Errors;

    [Fact]
    public void A_contract_in_euros_with_four_installments_builds_terms_an_agreement_copies()
    {
        var schedule = new[] { new OfferInstallment(Today, "300.00"), new(Today.AddMonths(3), "300"), new(Today.AddMonths(6), "300.00"), new(Today.AddMonths(9), "300.00") };

        var built = OfferTermsBuilder.Build(Draft(installments: schedule, entitlements: [new Entitlement("requests", 1_000_000)]), Basis());

        Assert.Equal("EUR", built.Terms.Currency);
        Assert.Null(built.Terms.FreeTrial);
        Assert.Null(built.Terms.FreeTier);
        Assert.Equal("Alpha Logs private offer", built.Terms.Name);
        Assert.Equal(Money.FromMinor(120_000, Currency.EUR), built.ContractValue);
        var contract = built.Terms.Contract!;
        Assert.Equal((12, "1200.00", 4, false), (contract.TermMonths, contract.Price, contract.Installments, contract.Overage));
        Assert.Equal(["300.00", "300.00", "300.00", "300.00"], contract.Schedule!.Select(p => p.Amount));
        Assert.All(built.Terms.Dimensions!, d => Assert.Null(d.Price));
    }

    [Fact]
    public void A_discount_applies_to_unit_tier_and_package_prices_rounded_to_minor_units_plus_four()
    {
        var prices = new[] { new OfferDimensionPrice("requests", null, 12.5m), new OfferDimensionPrice("storage", null, 33m), new OfferDimensionPrice("exports", null, 10m) };

        var built = OfferTermsBuilder.Build(Draft(currency: "USD", price: null, prices: prices), Basis());

        var dims = built.Terms.Dimensions!.ToDictionary(d => d.Key);
        Assert.Equal("0.00875", dims["requests"].Price!.UnitPrice);
        Assert.Equal(["0.067", "0.0536"], dims["storage"].Price!.Tiers!.Select(t => t.UnitPrice));
        Assert.Equal("4.5", dims["exports"].Price!.PackagePrice);
        Assert.Null(built.Terms.Contract);
        Assert.Equal("0.000067", OfferTermsBuilder.Discount("0.0001", 33m, Currency.USD));
        Assert.Equal("0.00007", OfferTermsBuilder.Discount("0.00010", 30m, Currency.USD));
    }

    [Fact]
    public void A_custom_unit_price_replaces_the_dimensions_model()
    {
        var built = OfferTermsBuilder.Build(Draft(currency: "USD", price: null, prices: [new OfferDimensionPrice("storage", "0.05", null)]), Basis());

        var storage = built.Terms.Dimensions!.Single(d => d.Key == "storage").Price!;
        Assert.Equal((PriceModelKind.PerUnit, "0.05"), (storage.Model, storage.UnitPrice));
    }

    [Theory]
    [InlineData("buyerId")]
    [InlineData("buyerEmailDomain")]
    public void Exactly_one_of_buyer_and_email_domain_is_required(string field)
    {
        var draft = field == "buyerId"
            ? Draft() with { BuyerId = null, BuyerEmailDomain = null }
            : Draft() with { BuyerEmailDomain = "example.de" };

        Assert.Contains(field, Refusal(draft).Keys);
    }

    [Fact]
    public void Every_bad_field_is_refused_by_name()
    {
        Assert.Contains("currency", Refusal(Draft(currency: "CHF")).Keys);
        Assert.Contains("currency", Refusal(Draft(currency: "XYZ")).Keys);
        Assert.Contains("termMonths", Refusal(Draft(term: 0)).Keys);
        Assert.Contains("termMonths", Refusal(Draft(term: 61)).Keys);
        Assert.Contains("expiresOn", Refusal(Draft(expiresOn: Today.AddDays(-1))).Keys);
        Assert.Contains("customTerms", Refusal(Draft(licence: LicenceKind.Custom)).Keys);
        Assert.Contains("noteToBuyer", Refusal(Draft(note: new string('x', 2001))).Keys);
        Assert.Contains("name", Refusal(Draft(name: new string('x', 201))).Keys);
        Assert.Contains("contractPrice", Refusal(Draft(price: "-1")).Keys);
        Assert.Contains("contractPrice", Refusal(Draft(price: "12.345")).Keys);
        Assert.Contains("buyerEmailDomain", Refusal(Draft(domain: "not a domain")).Keys);
        Assert.Contains("prices[0].dimension", Refusal(Draft(prices: [new OfferDimensionPrice("cpu", "1", null)])).Keys);
        Assert.Contains("prices[0].unitPrice", Refusal(Draft(currency: "USD", prices: [new OfferDimensionPrice("requests", "0.01", 5m)])).Keys);
        Assert.Contains("prices[0].unitPrice", Refusal(Draft(currency: "USD", prices: [new OfferDimensionPrice("requests", null, null)])).Keys);
        Assert.Contains("prices[0].unitPrice", Refusal(Draft(currency: "USD", prices: [new OfferDimensionPrice("requests", "-0.01", null)])).Keys);
        Assert.Contains("prices[0].unitPrice", Refusal(Draft(currency: "USD", prices: [new OfferDimensionPrice("requests", "0.0000001", null)])).Keys);
        Assert.Contains("prices[0].discountPercent", Refusal(Draft(currency: "USD", prices: [new OfferDimensionPrice("requests", null, 0m)])).Keys);
        Assert.Contains("prices[0].discountPercent", Refusal(Draft(currency: "USD", prices: [new OfferDimensionPrice("requests", null, 100.5m)])).Keys);
        Assert.Contains("prices[1].dimension", Refusal(Draft(currency: "USD", prices: [new OfferDimensionPrice("requests", "1", null), new OfferDimensionPrice("requests", "2", null)])).Keys);
        Assert.Contains("entitlements[0].dimension", Refusal(Draft(entitlements: [new Entitlement("cpu", 5)])).Keys);
        Assert.Contains("entitlements[0].quantity", Refusal(Draft(entitlements: [new Entitlement("requests", 0)])).Keys);
    }

    [Fact]
    public void Usage_prices_are_only_offered_in_the_enabled_usage_currencies()
    {
        var usage = Draft(currency: "EUR", price: null, prices: [new OfferDimensionPrice("requests", "0.009", null), new OfferDimensionPrice("storage", "0.09", null), new OfferDimensionPrice("exports", "4", null)]);

        Assert.Contains("currency", Refusal(usage).Keys);
        Assert.Equal("EUR", OfferTermsBuilder.Build(usage, Basis(null, "USD", "EUR")).Terms.Currency);
        Assert.Contains("prices", Refusal(Draft(currency: "EUR", price: null, prices: [new OfferDimensionPrice("requests", "0.009", null)]), Basis(null, "USD", "EUR")).Keys);
    }

    [Fact]
    public void Installments_must_sum_to_the_price_be_ascending_not_in_the_past_inside_the_term_and_at_most_sixty()
    {
        var sum = Refusal(Draft(installments: [new(Today, "600.00"), new(Today.AddMonths(6), "599.99")]));
        Assert.Contains("1199.99", sum["installments"][0], StringComparison.Ordinal);
        Assert.Contains("1200.00", sum["installments"][0], StringComparison.Ordinal);

        Assert.Contains("installments[1].dueOn", Refusal(Draft(installments: [new(Today.AddMonths(2), "600.00"), new(Today.AddMonths(2), "600.00")])).Keys);
        Assert.Contains("installments[0].dueOn", Refusal(Draft(installments: [new(Today.AddDays(-1), "600.00"), new(Today.AddMonths(2), "600.00")])).Keys);
        Assert.Contains("installments[1].dueOn", Refusal(Draft(installments: [new(Today, "600.00"), new(Today.AddMonths(12), "600.00")])).Keys);
        Assert.Contains("installments[1].amount", Refusal(Draft(installments: [new(Today, "1200.00"), new(Today.AddMonths(2), "0")])).Keys);
        Assert.Contains("installments[0].amount", Refusal(Draft(installments: [new(Today, "1200.001")])).Keys);
        Assert.Contains("installments", Refusal(Draft(price: null, installments: [new(Today, "10.00")])).Keys);
        var many = Enumerable.Range(0, 61).Select(i => new OfferInstallment(Today.AddDays(i), "1.00")).ToList();
        Assert.Contains("installments", Refusal(Draft(term: 60, price: "61.00", installments: many)).Keys);
    }

    [Fact]
    public void Any_valid_schedule_sums_to_the_total_and_is_the_built_terms_schedule()
    {
        var schedules =
            from term in Gen.Int[1, 60]
            from count in Gen.Int[1, 60]
            from amounts in Gen.Long[1, 10_000_000].Array[count]
            from gaps in Gen.Int[1, 20].Array[count]
            select (term, amounts, gaps);

        schedules.Sample(t =>
        {
            var (term, amounts, gaps) = t;
            var contractEnd = Today.AddMonths(term);
            var dates = new List<DateOnly>();
            var day = Today;
            foreach (var gap in gaps)
            {
                dates.Add(day);
                day = day.AddDays(gap);
            }

            if (dates[^1] >= contractEnd)
            {
                return;
            }

            var total = Money.FromMinor(amounts.Sum(), Currency.EUR);
            var installments = dates.Zip(amounts, (d, a) => new OfferInstallment(d, Money.FromMinor(a, Currency.EUR).ToMajorString())).ToList();

            var built = OfferTermsBuilder.Build(Draft(term: term, price: total.ToMajorString(), installments: installments), Basis());

            var schedule = built.Terms.Contract!.Schedule!;
            Assert.Equal(total, schedule.Select(p => Money.Parse(p.Amount, Currency.EUR)).Aggregate(Money.Zero(Currency.EUR), (a, b) => a + b));
            Assert.Equal(installments.Select(i => (i.DueOn, i.Amount)), schedule.Select(p => (p.DueOn, p.Amount)));
            Assert.Equal(installments.Count, built.Terms.Contract.Installments);
        });
    }
}

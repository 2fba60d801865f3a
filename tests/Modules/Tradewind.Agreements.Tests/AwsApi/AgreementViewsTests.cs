using CsCheck;
using Tradewind.Agreements.AwsApi;
using Tradewind.Agreements.Tests.Agreements;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Agreements.Tests.AwsApi;

public sealed class AgreementViewsTests
{
    [Theory]
    [InlineData(AgreementStatus.Trial, "ACTIVE")]
    [InlineData(AgreementStatus.Active, "ACTIVE")]
    [InlineData(AgreementStatus.CancelPending, "ACTIVE")]
    [InlineData(AgreementStatus.Suspended, "ACTIVE")]
    [InlineData(AgreementStatus.Cancelled, "CANCELLED")]
    [InlineData(AgreementStatus.Expired, "EXPIRED")]
    [InlineData(AgreementStatus.Replaced, "REPLACED")]
    public void Each_status_maps_to_an_aws_status_that_maps_back_to_it(AgreementStatus status, string aws)
    {
        Assert.Equal(aws, AgreementViews.Status(status));
        Assert.Contains(status, AgreementViews.Statuses(aws));
    }

    [Fact]
    public void Aws_statuses_tradewind_does_not_have_stand_for_no_agreement() =>
        Assert.All(AgreementViews.AwsStatuses.Except(["ACTIVE", "CANCELLED", "EXPIRED", "REPLACED"]), s => Assert.Empty(AgreementViews.Statuses(s)));

    [Fact]
    public void A_rate_card_price_is_the_unit_price_the_first_tiers_price_or_the_package_price_per_unit()
    {
        Assert.Equal("0.0125", AgreementViews.UnitPrice(new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.0125")));
        Assert.Equal("0.02", AgreementViews.UnitPrice(new PriceModelTerms(PriceModelKind.Volume, Tiers: [new(0, 1000, "0.02"), new(1000, null, "0.01")])));
        Assert.Equal("0.01", AgreementViews.UnitPrice(new PriceModelTerms(PriceModelKind.Graduated, Tiers: [new(0, 1000, "0.01"), new(1000, null, "0.008")])));
        Assert.Equal("0.005", AgreementViews.UnitPrice(new PriceModelTerms(PriceModelKind.Package, PackageSize: 1000, PackagePrice: "5.00")));
        Assert.Equal("3.3333333333", AgreementViews.UnitPrice(new PriceModelTerms(PriceModelKind.Package, PackageSize: 3, PackagePrice: "10.00")));
    }

    [Fact]
    public void An_offers_explicit_schedule_shows_its_dates_and_amounts_and_a_past_date_falls_due_at_acceptance()
    {
        var schedule = new List<ContractPayment> { new(new DateOnly(2000, 1, 1), "1000.00"), new(new DateOnly(2099, 6, 1), "200.50") };
        var terms = new PlanTerms("Offer", null, null, null, null, new ContractTerms(12, "1200.50", 2, false, [new Entitlement("requests", 10)], schedule), "EUR");
        var agreement = AgreementsCommands.ToDto(Plans.Accept(terms));

        var view = AgreementViews.Terms(agreement, "https://tradewind.example").Select(t => t.PaymentScheduleTerm).OfType<PaymentScheduleTermView>().Single();

        Assert.Equal([(agreement.AcceptedAt, "1000.00"), (new DateTimeOffset(2099, 6, 1, 0, 0, 0, TimeSpan.Zero), "200.50")], view.Schedule.Select(c => (c.ChargeDate, c.ChargeAmount)));
    }

    [Fact]
    public void Installments_add_up_to_the_contract_price_exactly_and_fall_inside_the_term() =>
        Gen.Select(Gen.Long[1, 100_000_000], Gen.Int[1, 3].Select(years => years * 12), Gen.Int[1, 12]).Sample((cents, months, installments) =>
        {
            var price = (cents / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            var terms = new PlanTerms("Contract", null, null, null, null, new ContractTerms(months, price, installments, false, [new Entitlement("requests", 10)]));
            var agreement = AgreementsCommands.ToDto(Plans.Accept(terms));

            var schedule = AgreementViews.Terms(agreement, "https://tradewind.example").Select(t => t.PaymentScheduleTerm).OfType<PaymentScheduleTermView>().SingleOrDefault();

            if (installments == 1)
            {
                return schedule is null;
            }

            var charges = schedule!.Schedule;
            return charges.Count == installments
                && charges.Sum(c => decimal.Parse(c.ChargeAmount, System.Globalization.CultureInfo.InvariantCulture)) == cents / 100m
                && charges[0].ChargeDate == agreement.AcceptedAt
                && charges.All(c => c.ChargeDate < agreement.ContractEndsAt);
        });

    [Fact]
    public void Every_accepted_term_sets_exactly_one_member()
    {
        var trial = Plans.Trial(14, 500) with { Contract = new ContractTerms(12, "1200.00", 3, true, [new Entitlement("requests", 1000)]) };

        var terms = AgreementViews.Terms(AgreementsCommands.ToDto(Plans.Accept(trial)), "https://tradewind.example");

        Assert.Equal(6, terms.Count);
        Assert.All(terms, t => Assert.Equal(1, new object?[] { t.LegalTerm, t.ValidityTerm, t.FreeTrialPricingTerm, t.FixedUpfrontPricingTerm, t.PaymentScheduleTerm, t.UsageBasedPricingTerm }.Count(m => m is not null)));
        Assert.Equal("https://tradewind.example/legal/standard-contract/2026-11", terms[0].LegalTerm!.Documents[0].Url);
        Assert.Equal("P12M14D", terms[1].ValidityTerm!.AgreementDuration);
    }
}

using Tradewind.Analytics.Candidates;
using Tradewind.Analytics.Candidates.Rules;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Analytics.Tests.Candidates;

public sealed class PqlRuleTests
{
    private static readonly DateOnly Day = new(2026, 11, 27);

    private static CandidateFacts Facts(Func<CandidateFacts, CandidateFacts>? change = null)
    {
        var facts = new CandidateFacts { Day = Day, AgreementStart = Day.AddDays(-90) };
        return change is null ? facts : change(facts);
    }

    /// <summary>Usage of one dimension: <paramref name="trailing"/> on the evaluated day, <paramref name="previous"/> 30 days earlier.</summary>
    private static List<DailyUsage> Usage(decimal trailing, decimal previous, string dimension = "api_calls") =>
        [new(Day, dimension, trailing), new(Day.AddDays(-30), dimension, previous)];

    [Fact]
    public void U1_fires_at_exactly_one_and_a_half_times_and_the_median()
    {
        var facts = Facts(f => f with { Usage = Usage(15_000, 10_000), MedianPayingUsage = new Dictionary<string, decimal> { ["api_calls"] = 15_000 } });
        var outcome = UsageGrowthRule.Evaluate(facts);
        Assert.Equal(25, outcome.Points);
        Assert.Contains("1.5× over the last 28 days (15,000 vs 10,000 api_calls)", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void U1_does_not_fire_just_below_growth_or_below_the_median()
    {
        var median = new Dictionary<string, decimal> { ["api_calls"] = 10_000 };
        Assert.Equal(0, UsageGrowthRule.Evaluate(Facts(f => f with { Usage = Usage(14_999, 10_000), MedianPayingUsage = median })).Points);
        var belowMedian = UsageGrowthRule.Evaluate(Facts(f => f with { Usage = Usage(41_200, 19_600), MedianPayingUsage = new Dictionary<string, decimal> { ["api_calls"] = 50_000 } }));
        Assert.Equal(0, belowMedian.Points);
        Assert.Contains("below the median paying customer's 50,000", belowMedian.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void U1_counts_the_day_28_days_back_as_previous()
    {
        // Day-27 is in the trailing window, Day-28 in the previous one.
        var usage = new List<DailyUsage> { new(Day.AddDays(-27), "api_calls", 300), new(Day.AddDays(-28), "api_calls", 200) };
        var median = new Dictionary<string, decimal> { ["api_calls"] = 0 };
        Assert.Equal(25, UsageGrowthRule.Evaluate(Facts(f => f with { Usage = usage, MedianPayingUsage = median })).Points);
        Assert.Contains("(300 vs 200 api_calls)", UsageGrowthRule.Evaluate(Facts(f => f with { Usage = usage, MedianPayingUsage = median })).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(799, 0)]
    [InlineData(800, 20)]
    [InlineData(999, 20)]
    [InlineData(1000, 30)]
    [InlineData(1500, 30)]
    public void U2_gives_20_from_80_percent_and_30_from_100_percent(int used, int points)
    {
        var outcome = QuotaRule.Evaluate(Facts(f => f with { Quotas = [new QuotaUse("api_calls", used, 1000, "trial quota")] }));
        Assert.Equal(points, outcome.Points);
    }

    [Fact]
    public void U2_79_9_percent_is_below_and_the_reason_says_so()
    {
        var outcome = QuotaRule.Evaluate(Facts(f => f with { Quotas = [new QuotaUse("api_calls", 79.9m, 100, "free tier")] }));
        Assert.Equal(0, outcome.Points);
        Assert.Contains("79.9 % of the free tier on api_calls", outcome.Reason, StringComparison.Ordinal);
        Assert.False(QuotaRule.Evaluate(Facts()).Applicable);
    }

    [Theory]
    [InlineData("699.99", 0)]
    [InlineData("700", 25)]
    [InlineData("1200", 25)]
    public void U3_fires_from_70_percent_of_the_smallest_commitment(string runRate, int points)
    {
        var facts = Facts(f => f with { RunRatePerMonth = decimal.Parse(runRate, System.Globalization.CultureInfo.InvariantCulture), SmallestCommitmentPerMonth = 1000, Currency = "EUR" });
        Assert.Equal(points, CommitmentSavesRule.Evaluate(facts).Points);
    }

    [Fact]
    public void U3_without_a_tier_is_not_applicable_and_says_so()
    {
        var outcome = CommitmentSavesRule.Evaluate(Facts(f => f with { RunRatePerMonth = 500, Currency = "EUR" }));
        Assert.False(outcome.Applicable);
        Assert.Equal(0, outcome.Points);
        Assert.Contains("no private-offer commitment tier in EUR", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void E1_a_dimension_first_used_13_days_ago_fires_14_days_ago_does_not()
    {
        var older = Day.AddDays(-60);
        var recent = Facts(f => f with { FirstUseByDimension = new Dictionary<string, DateOnly> { ["api_calls"] = older, ["storage_gb"] = Day.AddDays(-13) } });
        Assert.Equal(15, ExpansionRule.Evaluate(recent).Points);
        var old = Facts(f => f with { FirstUseByDimension = new Dictionary<string, DateOnly> { ["api_calls"] = older, ["storage_gb"] = Day.AddDays(-14) } });
        Assert.Equal(0, ExpansionRule.Evaluate(old).Points);
    }

    [Fact]
    public void E1_a_brand_new_account_is_not_expansion()
    {
        var facts = Facts(f => f with { FirstUseByDimension = new Dictionary<string, DateOnly> { ["api_calls"] = Day.AddDays(-2) } });
        Assert.Equal(0, ExpansionRule.Evaluate(facts).Points);
    }

    [Theory]
    [InlineData(7, 15)]
    [InlineData(6, 0)]
    public void E1_three_new_seats_in_14_days(int seatsNow, int points)
    {
        var usage = new List<DailyUsage> { new(Day.AddDays(-20), "seats", 4), new(Day.AddDays(-3), "seats", seatsNow) };
        Assert.Equal(points, ExpansionRule.Evaluate(Facts(f => f with { Usage = usage })).Points);
    }

    [Fact]
    public void E2_needs_two_organisations_of_one_business_domain()
    {
        Assert.Equal(15, SameDomainRule.Evaluate(Facts(f => f with { EmailDomains = ["acme.example"], SameDomainOrganisations = 2, SharedDomain = "acme.example" })).Points);
        Assert.Equal(0, SameDomainRule.Evaluate(Facts(f => f with { EmailDomains = ["acme.example"], SameDomainOrganisations = 1 })).Points);
        Assert.False(SameDomainRule.Evaluate(Facts(f => f with { EmailDomains = ["gmail.com"] })).Applicable);
    }

    [Fact]
    public void S1_two_non_incident_tickets_in_14_days_give_10_a_billing_ticket_15()
    {
        TicketFact T(int daysAgo, string category) => new(Day.AddDays(-daysAgo), category, "normal");
        Assert.Equal(10, SupportTicketsRule.Evaluate(Facts(f => f with { RecentTickets = [T(1, "question"), T(13, "feature_request")] })).Points);
        Assert.Equal(0, SupportTicketsRule.Evaluate(Facts(f => f with { RecentTickets = [T(1, "question"), T(14, "question")] })).Points);
        Assert.Equal(0, SupportTicketsRule.Evaluate(Facts(f => f with { RecentTickets = [T(1, "question"), T(2, "problem")] })).Points);
        Assert.Equal(15, SupportTicketsRule.Evaluate(Facts(f => f with { RecentTickets = [T(5, "billing")] })).Points);
    }

    [Fact]
    public void S2_an_open_urgent_incident_takes_10()
    {
        Assert.Equal(-10, OpenIncidentRule.Evaluate(Facts(f => f with { OpenUrgentIncidents = 1 })).Points);
        Assert.Equal(0, OpenIncidentRule.Evaluate(Facts()).Points);
    }

    [Fact]
    public void I1_a_private_offer_request_or_two_signed_in_views()
    {
        Assert.Equal(10, IntentRule.Evaluate(Facts(f => f with { PrivateOfferRequests = 1 })).Points);
        Assert.Equal(10, IntentRule.Evaluate(Facts(f => f with { SignedInListingViews = 2 })).Points);
        Assert.Equal(0, IntentRule.Evaluate(Facts(f => f with { SignedInListingViews = 1 })).Points);
    }

    [Fact]
    public void F1_business_domain_in_a_sold_country_plus_10_free_mail_minus_10()
    {
        Assert.Equal(10, FitRule.Evaluate(Facts(f => f with { EmailDomains = ["acme.example"], Country = "DE" })).Points);
        Assert.Equal(0, FitRule.Evaluate(Facts(f => f with { EmailDomains = ["acme.example"], Country = "DE", CountryAvailable = false })).Points);
        Assert.Equal(-10, FitRule.Evaluate(Facts(f => f with { EmailDomains = ["gmail.com", "yahoo.co.jp"] })).Points);
        Assert.False(FitRule.Evaluate(Facts()).Applicable);
    }

    [Fact]
    public void D1_13_idle_days_are_fine_14_decay()
    {
        Assert.Equal(0, DecayRule.Evaluate(Facts(f => f with { LastUsageDay = Day.AddDays(-13) })).Points);
        Assert.Equal(-20, DecayRule.Evaluate(Facts(f => f with { LastUsageDay = Day.AddDays(-14) })).Points);
        Assert.Equal(-20, DecayRule.Evaluate(Facts(f => f with { AgreementStart = Day.AddDays(-14) })).Points);
        Assert.Equal(0, DecayRule.Evaluate(Facts(f => f with { AgreementStart = Day.AddDays(-13) })).Points);
    }

    [Fact]
    public void The_score_sums_every_rule_and_orders_fired_rules_by_absolute_points()
    {
        var facts = Facts(f => f with
        {
            Usage = Usage(41_200, 19_600),
            FirstUseByDimension = new Dictionary<string, DateOnly> { ["api_calls"] = Day.AddDays(-50) },
            LastUsageDay = Day,
            MedianPayingUsage = new Dictionary<string, decimal> { ["api_calls"] = 20_000 },
            Quotas = [new QuotaUse("api_calls", 1000, 1000, "free tier")],
            OpenUrgentIncidents = 1,
            PrivateOfferRequests = 1,
            EmailDomains = ["acme.example"],
            SameDomainOrganisations = 1,
            Country = "JP",
        });
        var outcomes = PqlScoring.Evaluate(facts);
        Assert.Equal(10, outcomes.Count);
        Assert.Equal(25 + 30 - 10 + 10 + 10, PqlScoring.Score(outcomes));
        Assert.Equal(["U2", "U1", "S2"], outcomes.Where(o => o.Fired).Take(3).Select(o => o.Code));
        Assert.Equal(["I1", "F1"], outcomes.Where(o => o.Fired).Skip(3).Select(o => o.Code));
        Assert.All(outcomes.SkipWhile(o => o.Fired), o => Assert.Equal(0, o.Points));
    }

    [Fact]
    public void Top_reasons_are_the_three_fired_rules_first()
    {
        var dto = new UpgradeCandidateDto(
            Day, default, default, "P", default, "B", default, 0, false, null,
            PqlScoring.Order([new("A", 10, true, "a"), new("B", 0, true, "b"), new("C", -20, true, "c"), new("D", 15, true, "d"), new("E", 10, true, "e")]),
            "USD", null, null, false);
        Assert.Equal(["C", "D", "A"], dto.TopReasons.Select(r => r.Code));
    }

    [Fact]
    public void Run_rate_prices_usage_after_the_free_tier()
    {
        var terms = new PlanTerms("PAYG", null, null, [new FreeUnits("api_calls", 1000)], [new UsageDimension("api_calls", "API calls", "call", new PriceModelTerms(PriceModelKind.PerUnit, "0.01"))], null, "EUR");
        Assert.Equal(90m, RunRate.Monthly(terms, new Dictionary<string, decimal> { ["api_calls"] = 10_000 }));
        var graduated = new PriceModelTerms(PriceModelKind.Graduated, Tiers: [new PriceTier(0, 1000, "0.01"), new PriceTier(1000, null, "0.005")]);
        Assert.Equal(10m + 5m, RunRate.Price(graduated, 2000));
        Assert.Null(RunRate.Monthly(terms with { Dimensions = null }, new Dictionary<string, decimal>()));
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(15m, CandidateEvaluator.Median([10, 20]));
        Assert.Equal(20m, CandidateEvaluator.Median([30, 10, 20]));
    }
}

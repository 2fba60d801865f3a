using CsCheck;
using Tradewind.Billing.Rating;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

public sealed class RatingPropertyTests
{
    private static readonly BillingPeriod September = Month(2026, 9);

    /// <summary>Unit prices of up to 5 decimals (0.00001 to 0.99999).</summary>
    private static readonly Gen<string> AnyUnitPrice = Gen.Int[0, 99_999].Select(p => (p / 100_000m).ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A valid ladder: 1 to 4 tiers from 0, contiguous, the last open-ended.</summary>
    private static readonly Gen<PriceTier[]> AnyLadder =
        Gen.Select(Gen.Int[1, 5_000].Array[0, 3], AnyUnitPrice.Array[4]).Select((widths, prices) =>
        {
            var tiers = new PriceTier[widths.Length + 1];
            var from = 0m;
            for (var i = 0; i < widths.Length; i++)
            {
                tiers[i] = new PriceTier(from, from + widths[i], prices[i]);
                from += widths[i];
            }

            tiers[^1] = new PriceTier(from, null, prices[widths.Length]);
            return tiers;
        });

    private static readonly Gen<PriceModelTerms> AnyPrice = Gen.OneOf(
        AnyUnitPrice.Select(PerUnit),
        AnyLadder.Select(t => Graduated(t)),
        AnyLadder.Select(t => Volume(t)),
        Gen.Select(Gen.Int[1, 2_000], Gen.Int[0, 10_000]).Select((size, cents) => Package(size, (cents / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<decimal?> AnyFreeTier = Gen.OneOf(Gen.Const((decimal?)null), Gen.Int[1, 5_000].Select(f => (decimal?)f));

    /// <summary>A usage plan, sometimes with a free tier and a trial quota.</summary>
    private static readonly Gen<PlanTerms> AnyUsagePlan =
        Gen.Select(AnyPrice, AnyFreeTier, Gen.Int[0, 3_000], Gen.Bool).Select((price, free, quota, trial) =>
            Plan(price, free, trial ? new FreeTrialTerms(14, [new DimensionQuantity(Calls, quota)]) : null));

    private static readonly Gen<int> AnyTerm = Gen.Int[0, 3].Select(i => new[] { 1, 12, 24, 36 }[i]);

    private static decimal UsageAmount(IEnumerable<RatedLine> lines) =>
        lines.Where(l => l.Kind is InvoiceLineKind.Usage or InvoiceLineKind.LateUsage).Sum(l => l.Amount);

    [Fact]
    public void Graduated_amount_never_decreases_as_usage_grows()
    {
        Gen.Select(AnyLadder, AnyFreeTier, Gen.Int[0, 30_000], Gen.Int[0, 30_000]).Sample((ladder, free, a, b) =>
        {
            var terms = Plan(Graduated(ladder), free);
            return UsageAmount(Rate(Input(terms, September, Math.Min(a, b)))) <= UsageAmount(Rate(Input(terms, September, Math.Max(a, b))));
        }, iter: 1000);
    }

    [Fact]
    public void Rating_a_period_in_two_steps_charges_what_rating_it_once_does()
    {
        Gen.Select(AnyUsagePlan, Gen.Int[0, 4_000], Gen.Int[0, 20_000], Gen.Int[0, 20_000], Gen.Int[0, 20_000]).Sample((terms, before, trial, first, late) =>
        {
            var input = Input(terms, September) with
            {
                TrialEndsAt = terms.FreeTrial is null ? null : Utc(2026, 9, 10),
                TrialUsageBeforePeriod = Usage(terms.FreeTrial is null ? 0 : before),
                TrialUsage = Usage(terms.FreeTrial is null ? 0 : trial),
            };
            var once = Rate(input with { PaidUsage = Usage(first + late) });

            var early = Rate(input with { PaidUsage = Usage(first) });
            var marker = new PriorCharge(InvoiceLineKind.Usage, Calls, null, 0, 0);
            var afterwards = Rate(input with { PaidUsage = Usage(first + late), AlreadyBilled = [marker, .. Billed(early)] });

            return UsageAmount(early) + UsageAmount(afterwards) == UsageAmount(once)
                && early.Sum(l => l.Quantity) + afterwards.Sum(l => l.Quantity) == once.Sum(l => l.Quantity)
                && afterwards.All(l => l.Kind == InvoiceLineKind.LateUsage);
        }, iter: 1000);
    }

    [Fact]
    public void A_lines_amount_is_the_sum_of_its_steps()
    {
        var anyContract = Gen.Select(AnyTerm, Gen.Int[1, 36], Gen.Int[0, 10_000_000], Gen.Bool, Gen.Int[1, 50_000])
            .Select((term, installments, cents, overage, entitled) => (term, installments: Math.Min(term, installments), cents, overage, entitled));
        Gen.Select(AnyUsagePlan, anyContract, Gen.Bool, Gen.Int[0, 100_000], Gen.Int[0, 400], Gen.Int[0, 60]).Sample((plan, contract, withContract, usage, startDay, endDay) =>
        {
            var terms = withContract
                ? plan with
                {
                    FreeTrial = null,
                    Contract = new ContractTerms(
                        contract.term,
                        (contract.cents / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                        contract.installments,
                        contract.overage,
                        [new Entitlement(Calls, contract.entitled)]),
                }
                : plan;
            var start = Utc(2026, 1, 1).AddDays(startDay).AddHours(startDay % 24);
            var period = new BillingPeriod(start.AddDays(endDay % 40), start.AddDays(endDay % 40).AddMonths(1));
            var input = Input(terms, period, usage, start) with { EndedAt = endDay > 40 ? period.Start.AddDays(endDay - 40) : null };

            return Rate(input).All(l => l.Amount == l.Steps.Sum(s => s.Amount) && l.Quantity != 0);
        }, iter: 1000);
    }

    [Fact]
    public void Installments_are_never_billed_twice_whichever_periods_are_rated()
    {
        var anyRun = Gen.Select(AnyTerm, Gen.Int[1, 36], Gen.Int[0, 365], Gen.Int[0, 2_000_000], Gen.Bool.Array[40], Gen.Int[0, 60]);
        anyRun.Sample((term, installments, startDay, cents, rated, endMonths) =>
        {
            var count = Math.Min(term, installments);
            var price = (cents / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            var terms = Contract(price, term, count);
            var start = Utc(2026, 1, 1).AddDays(startDay).AddMinutes(startDay * 7);
            DateTimeOffset? ended = endMonths < term ? start.AddMonths(endMonths).AddDays(3) : null;
            var billed = new List<PriorCharge>();
            var first = Month(start.Year, start.Month);
            for (var month = 0; month < 40; month++)
            {
                // Runs are skipped at random, except the last: skipped periods' charges are caught up later.
                if (!rated[month] && month < 39)
                {
                    continue;
                }

                var period = new BillingPeriod(first.Start.AddMonths(month), first.Start.AddMonths(month + 1));
                var input = Input(terms, period, start: start) with { EndedAt = ended, AlreadyBilled = [.. billed] };
                billed.AddRange(Billed(Rate(input)));
            }

            var numbers = billed.Select(b => b.InstallmentNumber ?? 1).ToList();
            var once = numbers.Distinct().Count() == numbers.Count;
            var complete = ended is not null || (numbers.Count == count && billed.Sum(b => b.Amount) == decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));
            return once && complete;
        }, iter: 1000);
    }
}

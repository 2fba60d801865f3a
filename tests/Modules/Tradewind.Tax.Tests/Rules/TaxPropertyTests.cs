using CsCheck;
using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Money;
using Tradewind.Tax.Rates;
using Tradewind.Tax.Rules;
using static Tradewind.Tax.Tests.Rules.Sales;

namespace Tradewind.Tax.Tests.Rules;

public sealed class TaxPropertyTests
{
    private static readonly string[] Places = [.. Book.Jurisdictions.Keys.Where(c => c is not "US" and not "CA"), "US-NY", "US-TX", "US-CT", "CA-QC", "CA-ON", "IN-MH"];

    private static readonly Gen<TaxSale> AnySale =
        from place in Gen.OneOf(Places)
        from business in Gen.Bool
        from valid in Gen.Bool
        from domestic in Gen.Bool
        from currency in Gen.OneOf(Currency.EUR, Currency.USD, Currency.JPY, Currency.FromCode("KWD"))
        from day in Gen.Int[Book.CoverageFrom.DayNumber, Book.CoverageTo.DayNumber]
        from amounts in Gen.Long[0, 10_000_000_000].Array[1, 12]
        from codes in Gen.OneOf("saas", "professional_services").Array[12]
        select new TaxSale(
            DateOnly.FromDayNumber(day),
            domestic ? EstablishedIn(place[..2], place.Length > 2 ? place : null) : Foreign,
            place[..2],
            place.Length > 2 ? place : null,
            business,
            business ? "ID123" : null,
            valid,
            valid ? null : "bad",
            amounts.Select((a, i) => new SaleLine($"{i}", Money.FromMinor(a, currency), codes[i])).ToList());

    [Fact]
    public void Tax_is_never_negative_and_never_more_than_the_taxable_amount() =>
        AnySale.Sample(sale =>
        {
            foreach (var line in Calculator.Calculate(sale))
            {
                Assert.False(line.TaxAmount.IsNegative);
                Assert.True(line.TaxAmount <= line.TaxableAmount);
                Assert.Contains(line.Treatment, TaxTreatments.All);
                Assert.False(string.IsNullOrEmpty(line.Rule));
            }
        });

    [Fact]
    public void Line_taxes_add_up_to_the_per_rate_totals_of_the_rounding_rule() =>
        AnySale.Sample(sale =>
        {
            var lines = Calculator.Calculate(sale);
            var rounding = Book.Jurisdictions.TryGetValue(sale.BuyerCountry, out var j) ? j.Rounding : RoundingRule.PerLine;
            foreach (var group in lines.Where(l => TaxCalculator.Charged(l.Treatment)).GroupBy(l => (l.Jurisdiction, l.TaxType, l.Rate)))
            {
                var sum = group.Sum(l => l.TaxAmount.MinorUnits);
                var currency = group.First().TaxAmount.Currency;
                var expected = rounding == RoundingRule.PerRatePerInvoice
                    ? Money.FromMajor(group.Sum(l => l.TaxableAmount.Amount) * group.Key.Rate, currency, MidpointRounding.ToZero).MinorUnits
                    : group.Sum(l => l.TaxableAmount.Multiply(group.Key.Rate, MidpointRounding.AwayFromZero).MinorUnits);
                Assert.Equal(expected, sum);
            }
        });

    /// <summary>The same sales with lines of both signs (re-priced tiers, late-usage differences).</summary>
    private static readonly Gen<TaxSale> AnySignedSale =
        from sale in AnySale
        from signs in Gen.Bool.Array[12]
        select sale with { Lines = sale.Lines.Select((l, i) => signs[i] ? l with { Amount = Money.FromMinor(-l.Amount.MinorUnits, l.Amount.Currency) } : l).ToList() };

    [Fact]
    public void A_negative_line_is_taxed_as_the_exact_negation_of_its_positive_mirror_when_rounded_per_line() =>
        AnySignedSale.Sample(sale =>
        {
            var mirror = sale with { Lines = sale.Lines.Select(l => l with { Amount = Money.FromMinor(Math.Abs(l.Amount.MinorUnits), l.Amount.Currency) }).ToList() };
            var signed = Calculator.Calculate(sale);
            var positive = Calculator.Calculate(mirror);
            var rounding = Book.Jurisdictions.TryGetValue(sale.BuyerCountry, out var j) ? j.Rounding : RoundingRule.PerLine;
            for (var i = 0; i < signed.Count; i++)
            {
                var sign = sale.Lines[i].Amount.IsNegative ? -1 : 1;
                Assert.Equal(sign * positive[i].TaxableAmount.MinorUnits, signed[i].TaxableAmount.MinorUnits);
                Assert.Equal((positive[i].Treatment, positive[i].Rate, positive[i].Rule), (signed[i].Treatment, signed[i].Rate, signed[i].Rule));
                if (rounding == RoundingRule.PerLine)
                {
                    Assert.Equal(sign * positive[i].TaxAmount.MinorUnits, signed[i].TaxAmount.MinorUnits);
                }
            }
        });

    [Fact]
    public void Signed_lines_add_up_to_one_rounding_per_rate_over_their_signed_sum_and_each_stays_within_a_unit_of_its_exact_tax() =>
        AnySignedSale.Sample(sale =>
        {
            var lines = Calculator.Calculate(sale);
            var rounding = Book.Jurisdictions.TryGetValue(sale.BuyerCountry, out var j) ? j.Rounding : RoundingRule.PerLine;
            foreach (var group in lines.Where(l => TaxCalculator.Charged(l.Treatment)).GroupBy(l => (l.Jurisdiction, l.TaxType, l.Rate)))
            {
                var currency = group.First().TaxAmount.Currency;
                var expected = rounding == RoundingRule.PerRatePerInvoice
                    ? Money.FromMajor(group.Sum(l => l.TaxableAmount.Amount) * group.Key.Rate, currency, MidpointRounding.ToZero).MinorUnits
                    : group.Sum(l => l.TaxableAmount.Multiply(group.Key.Rate, MidpointRounding.AwayFromZero).MinorUnits);
                Assert.Equal(expected, group.Sum(l => l.TaxAmount.MinorUnits));
                foreach (var line in group)
                {
                    var exact = line.TaxableAmount.Amount * group.Key.Rate;
                    Assert.True(Math.Abs(line.TaxAmount.Amount - exact) < Money.FromMinor(1, currency).Amount * (rounding == RoundingRule.PerRatePerInvoice ? 2 : 1), $"{line.TaxAmount} for {exact}");
                }
            }
        });

    [Fact]
    public void Japan_rounds_once_over_the_signed_sum_of_a_rate_and_gives_the_negative_line_its_share()
    {
        var sale = new TaxSale(
            Today, EstablishedIn("JP"), "JP", null, false, null, false, null,
            [new SaleLine("1", Money.Parse("40.00", Currency.USD), "saas"), new SaleLine("2", Money.Parse("-1.99", Currency.USD), "saas")]);

        var lines = Calculator.Calculate(sale);

        // 38.01 × 10 % = 3.801, rounded down once to 3.80: the lines take 4.00 and −0.20 (−0.199 rounded down).
        Assert.Equal(("4.00", "-0.20"), (lines[0].TaxAmount.ToMajorString(), lines[1].TaxAmount.ToMajorString()));
    }

    [Fact]
    public void Quoting_twice_gives_the_same_answer() =>
        AnySale.Sample(sale => Assert.Equal(Calculator.Calculate(sale), Calculator.Calculate(sale)));
}

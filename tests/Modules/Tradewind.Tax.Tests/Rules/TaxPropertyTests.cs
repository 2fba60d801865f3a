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

    [Fact]
    public void Quoting_twice_gives_the_same_answer() =>
        AnySale.Sample(sale => Assert.Equal(Calculator.Calculate(sale), Calculator.Calculate(sale)));
}

using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Money;
using Tradewind.Tax.Rates;

namespace Tradewind.Tax.Rules;

/// <summary>
/// Turns the rules' decisions into amounts, rounding where each jurisdiction prescribes (tax.md §6). Amounts are
/// computed in exact decimals and rounded to the invoice currency's minor unit:
/// <list type="bullet">
/// <item><b>Per line</b> (everywhere but Japan): the taxable amount (the line × the taxed fraction, for Texas and
/// Indonesia) and then the tax are each rounded half away from zero. This is commercial rounding to the cent,
/// which the EU states, Canada and Australia accept, and the UK's "nearest 1p per line" option (VAT Notice 700
/// §17.5).</item>
/// <item><b>Once per tax rate per invoice</b> (Japan, NTA invoice Q&amp;A Q46): the taxable amounts of the lines at
/// one rate are summed, the tax on the sum is rounded once, down (the direction is the issuer's choice; Tradewind
/// truncates, as most Japanese issuers do), and that total is allocated back to the lines by largest remainder,
/// so the lines always add up to the per-rate figure the invoice must print.</item>
/// </list>
/// Tax is never negative: lines are never negative and rates are in [0, 1).
/// </summary>
internal sealed class TaxCalculator(TaxRules rules)
{
    public IReadOnlyList<TaxLineDto> Calculate(TaxSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var decided = sale.Lines.Select(line => (Line: line, Decision: rules.Decide(sale, line))).ToList();
        var results = new TaxLineDto[decided.Count];
        for (var i = 0; i < decided.Count; i++)
        {
            var (line, d) = decided[i];
            var taxable = d.Base == 1m ? line.Amount : line.Amount.Multiply(d.Base, MidpointRounding.AwayFromZero);
            var tax = Charged(d.Treatment) && d.Rounding == RoundingRule.PerLine
                ? taxable.Multiply(d.Rate, MidpointRounding.AwayFromZero)
                : Money.Zero(line.Amount.Currency);
            results[i] = new TaxLineDto(line.Id, d.Jurisdiction, d.TaxType, d.Rate, taxable, tax, d.Treatment, d.Rule, d.Note);
        }

        // Japan: one rounding per rate per invoice, allocated back to the lines.
        var groups = Enumerable.Range(0, results.Length)
            .Where(i => Charged(decided[i].Decision.Treatment) && decided[i].Decision.Rounding == RoundingRule.PerRatePerInvoice)
            .GroupBy(i => (results[i].Jurisdiction, results[i].TaxType, results[i].Rate));
        foreach (var group in groups)
        {
            var indexes = group.ToList();
            var taxableSum = indexes.Aggregate(0m, (sum, i) => sum + results[i].TaxableAmount.Amount);
            var currency = results[indexes[0]].TaxableAmount.Currency;
            var total = Money.FromMajor(taxableSum * group.Key.Rate, currency, MidpointRounding.ToZero);
            var weights = indexes.Select(i => results[i].TaxableAmount.Amount).ToList();
            var parts = weights.All(w => w == 0) ? indexes.Select(_ => Money.Zero(currency)).ToList() : total.Allocate(weights);
            for (var k = 0; k < indexes.Count; k++)
            {
                results[indexes[k]] = results[indexes[k]] with { TaxAmount = parts[k] };
            }
        }

        return results;
    }

    public static bool Charged(string treatment) => treatment is TaxTreatments.Standard or TaxTreatments.Reduced or TaxTreatments.ZeroRated;
}

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
/// A line may be negative (a re-priced volume tier, a late-usage difference that lowers a charge): it is taxed with its
/// sign by the same rule, so its tax is the exact negation of the tax on the same positive amount when rounded per line,
/// and in Japan it lowers the per-rate sum the one rounding applies to (truncation is toward zero, so a negative sum
/// rounds to the same magnitude as its positive mirror). Rates are in [0, 1), so a line's tax always has the line's sign
/// or is zero.
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
            var parts = weights.All(w => w == 0) ? indexes.Select(_ => Money.Zero(currency)).ToList()
                : weights.Any(w => w < 0) ? AllocateSigned(total, weights, group.Key.Rate)
                : total.Allocate(weights);
            for (var k = 0; k < indexes.Count; k++)
            {
                results[indexes[k]] = results[indexes[k]] with { TaxAmount = parts[k] };
            }
        }

        return results;
    }

    /// <summary>
    /// Splits a per-rate total over lines of both signs, where a proportional split is meaningless (the weights may
    /// nearly cancel): each line takes its exact tax (taxable × rate) rounded down to the minor unit, and the units
    /// still missing from the total go one each to the lines with the largest remainders (ties to the earlier line).
    /// The parts add up to <paramref name="total"/> exactly; each is within one minor unit of the line's exact tax.
    /// </summary>
    internal static IReadOnlyList<Money> AllocateSigned(Money total, IReadOnlyList<decimal> taxables, decimal rate)
    {
        var currency = total.Currency;
        var exact = taxables.Select(t => t * rate).ToList();
        var down = exact.Select(e => Money.FromMajor(e, currency, MidpointRounding.ToNegativeInfinity)).ToList();
        var floors = down.Select(d => d.MinorUnits).ToArray();
        var missing = total.MinorUnits - floors.Sum();
        var order = Enumerable.Range(0, exact.Count).OrderByDescending(i => exact[i] - down[i].Amount).ThenBy(i => i).ToList();
        for (var k = 0; missing > 0; k = (k + 1) % order.Count, missing--)
        {
            floors[order[k]]++;
        }

        return floors.Select(f => Money.FromMinor(f, currency)).ToList();
    }

    public static bool Charged(string treatment) => treatment is TaxTreatments.Standard or TaxTreatments.Reduced or TaxTreatments.ZeroRated;
}

using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Tax;
using Tradewind.Persistence;
using Tradewind.Primitives.Money;
using Tradewind.Tax.Rates;
using Tradewind.Tax.Rules;
using Tradewind.Tax.TaxIds;

namespace Tradewind.Tax.Liability;

/// <summary>Tax-id checks and the liability report (<see cref="ITaxQueries"/>).</summary>
internal sealed class TaxQueries(TradewindDbContext db, RateBook book, TaxIdChecker taxIds) : ITaxQueries
{
    /// <summary>The longest period one report covers: a year and a quarter, enough for any return period.</summary>
    public const int MaxDays = 466;

    public IReadOnlyDictionary<string, string> TaxCodes => book.TaxCodes;

    public Task<TaxIdCheckDto> ValidateTaxIdAsync(string country, string value, CancellationToken cancellationToken) =>
        taxIds.CheckAsync(country, value, cancellationToken);

    /// <summary>
    /// Sums committed tax transactions in memory (money is never summed in SQL: SQLite stores decimals as text).
    /// Taxable and collected amounts come from charged lines (standard, reduced, zero-rated); the reverse-charged
    /// amount is the net value supplied under reverse charge. Exempt and not-collected lines owe nothing and are left out.
    /// </summary>
    public async Task<TaxLiabilityReport> GetLiabilityAsync(string? entity, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken)
    {
        var (from, to) = (periodStart, periodEnd);
        new Validation()
            .Require(from < to, "to", "The period is [from, to): 'to' must be after 'from'.")
            .Require(to.DayNumber - from.DayNumber <= MaxDays, "to", $"A report covers at most {MaxDays} days.")
            .ThrowIfInvalid();
        var code = string.IsNullOrWhiteSpace(entity) ? null : entity.Trim().ToUpperInvariant();
        var query = db.Set<TaxTransaction>().AsNoTracking().Where(t => t.TaxDate >= from && t.TaxDate < to);
        if (code is not null)
        {
            query = query.Where(t => t.IssuingEntity == code);
        }

        var rows = await query.ToListAsync(cancellationToken);
        var report = rows
            .Where(t => TaxCalculator.Charged(t.Treatment) || t.Treatment == TaxTreatments.ReverseCharge)
            .GroupBy(t => (t.IssuingEntity, t.Jurisdiction, t.TaxType, t.ReturnCurrency))
            .Select(g =>
            {
                var currency = Currency.FromCode(g.Key.ReturnCurrency);
                var charged = g.Where(t => TaxCalculator.Charged(t.Treatment)).ToList();
                return new TaxLiabilityRow(
                    g.Key.IssuingEntity,
                    g.Key.Jurisdiction,
                    g.Key.TaxType,
                    g.Key.ReturnCurrency,
                    Money.FromMinor(charged.Sum(t => t.TaxableReturnMinor), currency),
                    Money.FromMinor(charged.Sum(t => t.TaxReturnMinor), currency),
                    Money.FromMinor(g.Where(t => t.Treatment == TaxTreatments.ReverseCharge).Sum(t => t.TaxableReturnMinor), currency),
                    g.Count());
            })
            .OrderBy(r => r.IssuingEntity, StringComparer.Ordinal)
            .ThenBy(r => r.Jurisdiction, StringComparer.Ordinal)
            .ThenBy(r => r.TaxType, StringComparer.Ordinal)
            .ToList();
        return new TaxLiabilityReport(code, from, to, report);
    }
}

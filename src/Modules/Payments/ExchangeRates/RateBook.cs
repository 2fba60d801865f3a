using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Persistence;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.ExchangeRates;

/// <summary>
/// Finds the EUR rates in force on a day. Days are compared in SQL (a date orders correctly on both providers);
/// rates are only ever read, never compared or aggregated in SQL (on SQLite they are text).
/// </summary>
internal sealed class RateBook(TradewindDbContext db)
{
    private const string Euro = "EUR";

    /// <summary>The rate of one currency in force on <paramref name="date"/>; refuses with <c>fx-rate-unavailable</c>.</summary>
    public async Task<EuroRate> PerEuroAsync(Currency currency, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (currency == Currency.EUR)
        {
            return EuroRate.Euro(date);
        }

        // At most one row per source and day, so the latest day's rows are among the first two.
        var candidates = await db.Set<ExchangeRate>().AsNoTracking()
            .Where(r => r.Base == Euro && r.Quote == currency.Code && r.AsOf <= date)
            .OrderByDescending(r => r.AsOf)
            .Take(2)
            .ToListAsync(cancellationToken);
        return EuroRate.Select(candidates, date) is { } row ? EuroRate.From(row) : throw Unavailable(currency, date);
    }

    /// <summary>Every currency's rate in force on <paramref name="date"/>, by currency code.</summary>
    public async Task<IReadOnlyDictionary<string, EuroRate>> AllPerEuroAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var latest = await db.Set<ExchangeRate>()
            .Where(r => r.Base == Euro && r.AsOf <= date)
            .GroupBy(r => r.Quote)
            .Select(g => new { Quote = g.Key, AsOf = g.Max(r => r.AsOf) })
            .ToListAsync(cancellationToken);
        if (latest.Count == 0)
        {
            return new Dictionary<string, EuroRate>(StringComparer.Ordinal);
        }

        var oldest = latest.Min(l => l.AsOf);
        var rows = await db.Set<ExchangeRate>().AsNoTracking()
            .Where(r => r.Base == Euro && r.AsOf >= oldest && r.AsOf <= date)
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.Quote, StringComparer.Ordinal)
            .Where(g => Currency.TryFromCode(g.Key, out _))
            .ToDictionary(g => g.Key, g => EuroRate.From(EuroRate.Select(g, date)!), StringComparer.Ordinal);
    }

    public static DomainException Unavailable(Currency currency, DateOnly date) => new(
        "fx-rate-unavailable",
        $"No EUR/{currency.Code} rate exists for {date:yyyy-MM-dd} or any earlier day; import the ECB reference rates first.");
}

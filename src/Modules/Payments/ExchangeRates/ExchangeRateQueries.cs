using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.ExchangeRates;

internal sealed class ExchangeRateQueries(TradewindDbContext db, RateBook rates, TimeProvider clock) : IExchangeRateQueries
{
    public async Task<RateTable> GetRatesAsync(Currency baseCurrency, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseCurrency);
        new Validation().Require(day <= CurrencyConverter.Today(clock), "date", "Rates exist only for days that have begun; the date is in the future.").ThrowIfInvalid();

        var perEuro = await rates.AllPerEuroAsync(day, cancellationToken);
        if (perEuro.Count == 0)
        {
            return new RateTable(baseCurrency.Code, day, []);
        }

        var from = baseCurrency == Currency.EUR ? EuroRate.Euro(day)
            : perEuro.GetValueOrDefault(baseCurrency.Code) ?? throw RateBook.Unavailable(baseCurrency, day);
        var quotes = perEuro.Values.Append(EuroRate.Euro(day)).Where(q => q.Currency != baseCurrency);
        var table = quotes
            .Select(to => new ExchangeRateDto(
                baseCurrency.Code,
                to.Currency.Code,
                // Published EUR rates are shown as stored; derived cross rates are rounded for display only.
                from.Row is null ? to.PerEuro : decimal.Round(EuroRate.Cross(from, to), ExchangeRate.Scale, MidpointRounding.ToEven),
                EuroRate.CombinedSource(from, to),
                EuroRate.CombinedAsOf(from, to)))
            .OrderBy(r => r.Quote, StringComparer.Ordinal)
            .ToList();
        return new RateTable(baseCurrency.Code, day, table);
    }

    public async Task<Page<CurrencyConversionDto>> ListConversionsAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<CurrencyConversion>().AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<CurrencyConversionDto>(rows.Select(CurrencyConverter.ToDto).ToList(), page.Number, page.Size, total);
    }
}

using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.ExchangeRates;

internal sealed class CurrencyConverter(TradewindDbContext db, RateBook rates, TimeProvider clock) : ICurrencyConverter
{
    private readonly Dictionary<(Currency, DateOnly), EuroRate> _known = [];

    public async Task<CurrencyConversionDto> ConvertAsync(Money amount, Currency target, DateOnly day, MidpointRounding rounding, string purpose, CancellationToken cancellationToken)
    {
        var record = await ConvertCoreAsync(amount, target, day, rounding, purpose, rates.PerEuroAsync, cancellationToken);
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(record);
    }

    public async Task<CurrencyConversionDto> ConvertWithoutSavingAsync(Money amount, Currency target, DateOnly day, MidpointRounding rounding, string purpose, CancellationToken cancellationToken)
    {
        var record = await ConvertCoreAsync(amount, target, day, rounding, purpose, KnownPerEuroAsync, cancellationToken);
        db.Add(record);
        return ToDto(record);
    }

    private async Task<EuroRate> KnownPerEuroAsync(Currency currency, DateOnly day, CancellationToken cancellationToken)
    {
        if (!_known.TryGetValue((currency, day), out var rate))
        {
            _known[(currency, day)] = rate = await rates.PerEuroAsync(currency, day, cancellationToken);
        }

        return rate;
    }

    private async Task<CurrencyConversion> ConvertCoreAsync(
        Money amount, Currency target, DateOnly day, MidpointRounding rounding, string purpose,
        Func<Currency, DateOnly, CancellationToken, Task<EuroRate>> perEuro, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var trimmed = purpose?.Trim() ?? "";
        new Validation()
            .Require(trimmed.Length is >= 1 and <= 200, "purpose", "Say what the conversion is for (1 to 200 characters), e.g. an invoice number.")
            .Require(Enum.IsDefined(rounding), "rounding", "Rounding must be toEven, awayFromZero, toZero, toNegativeInfinity or toPositiveInfinity.")
            .Require(day <= Today(clock), "date", "Rates exist only for days that have begun; the date is in the future.")
            .ThrowIfInvalid();

        CurrencyConversion record;
        if (amount.Currency == target)
        {
            record = Record(amount, amount, 1m, null, null, RateSources.SameCurrency, day, day, rounding, trimmed);
        }
        else
        {
            var from = await perEuro(amount.Currency, day, cancellationToken);
            var toRate = await perEuro(target, day, cancellationToken);
            Money converted;
            try
            {
                converted = EuroRate.Convert(amount, from, toRate, rounding);
            }
            catch (OverflowException)
            {
                throw new ValidationFailedException("amount", $"{amount} in {target} is too large to hold as money.");
            }

            // The target leg identifies the rate; a cross rate between two non-EUR currencies also names the source leg.
            var rateId = (toRate.Row ?? from.Row)?.Id;
            var crossRateId = toRate.Row is not null ? from.Row?.Id : null;
            record = Record(
                amount, converted, EuroRate.Cross(from, toRate), rateId, crossRateId,
                EuroRate.CombinedSource(from, toRate), day, EuroRate.CombinedAsOf(from, toRate), rounding, trimmed);
        }

        return record;
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    internal static CurrencyConversionDto ToDto(CurrencyConversion c) => new(
        c.Id,
        Money.FromMinor(c.FromMinor, Currency.FromCode(c.FromCurrency)),
        Money.FromMinor(c.ToMinor, Currency.FromCode(c.ToCurrency)),
        c.Rate,
        c.Source,
        c.Date,
        c.AsOf,
        c.Rounding,
        c.Purpose,
        c.CreatedAt);

    private CurrencyConversion Record(
        Money from, Money to, decimal rate, ExchangeRateId? rateId, ExchangeRateId? crossRateId, string source,
        DateOnly date, DateOnly asOf, MidpointRounding rounding, string purpose) => new()
        {
            Id = CurrencyConversionId.New(clock),
            FromMinor = from.MinorUnits,
            FromCurrency = from.Currency.Code,
            ToMinor = to.MinorUnits,
            ToCurrency = to.Currency.Code,
            Rate = rate,
            RateId = rateId,
            CrossRateId = crossRateId,
            Source = source,
            Date = date,
            AsOf = asOf,
            Rounding = rounding,
            Purpose = purpose,
            CreatedAt = clock.GetUtcNow(),
        };
}

using CsCheck;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.ExchangeRates;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.ExchangeRates;

public sealed class EuroRateTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 19);
    private static readonly DateOnly Friday = new(2026, 11, 20);
    private static readonly DateOnly Saturday = new(2026, 11, 21);
    private static readonly DateOnly Sunday = new(2026, 11, 22);
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly MidpointRounding[] Roundings =
        [MidpointRounding.ToEven, MidpointRounding.AwayFromZero, MidpointRounding.ToZero, MidpointRounding.ToNegativeInfinity, MidpointRounding.ToPositiveInfinity];

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void A_weekend_day_takes_the_previous_fridays_publication(int day)
    {
        var rates = new[] { Row(RateSources.Ecb, Thursday, 1.1636m), Row(RateSources.Ecb, Friday, 1.1659m), Row(RateSources.Ecb, Monday, 1.1706m) };

        var selected = EuroRate.Select(rates, new DateOnly(2026, 11, day));

        Assert.Equal(Friday, selected!.AsOf);
        Assert.Equal(1.1659m, selected.Rate);
    }

    [Fact]
    public void A_later_publication_is_never_used()
    {
        var rates = new[] { Row(RateSources.Ecb, Monday, 1.1706m) };

        Assert.Null(EuroRate.Select(rates, Sunday));
    }

    [Fact]
    public void The_operators_override_wins_over_the_ECB_rate_of_the_same_day()
    {
        var rates = new[] { Row(RateSources.Ecb, Friday, 1.1659m), Row(RateSources.Operator, Friday, 1.17m) };

        Assert.Equal(RateSources.Operator, EuroRate.Select(rates, Friday)!.Source);
        Assert.Equal(RateSources.Operator, EuroRate.Select(rates, Saturday)!.Source);
    }

    [Fact]
    public void An_older_override_gives_way_to_a_newer_ECB_publication()
    {
        var rates = new[] { Row(RateSources.Operator, Thursday, 1.17m), Row(RateSources.Ecb, Friday, 1.1659m) };

        Assert.Equal(RateSources.Ecb, EuroRate.Select(rates, Friday)!.Source);
        Assert.Equal(RateSources.Operator, EuroRate.Select(rates, Thursday)!.Source);
    }

    [Fact]
    public void A_cross_rate_goes_through_EUR_and_rounds_once()
    {
        var usd = Leg("USD", 1.2m);
        var gbp = Leg("GBP", 0.8m);

        var converted = EuroRate.Convert(Money.FromMajor(1.00m, Currency.USD, MidpointRounding.ToEven), usd, gbp, MidpointRounding.ToEven);

        // Exactly 1.00 × 0.8 ÷ 1.2 = 0.6666… → 0.67. Rounding to EUR first would give 0.83 EUR → 0.664 → 0.66.
        Assert.Equal(Money.FromMajor(0.67m, Currency.GBP, MidpointRounding.ToEven), converted);
        Assert.Equal(0.8m / 1.2m, EuroRate.Cross(usd, gbp));
    }

    [Fact]
    public void USD_to_JPY_is_JPY_per_EUR_divided_by_USD_per_EUR()
    {
        var converted = EuroRate.Convert(Money.FromMajor(100.00m, Currency.USD, MidpointRounding.ToEven), Leg("USD", 1.1659m), Leg("JPY", 180.41m), MidpointRounding.ToEven);

        // 100 × 180.41 ÷ 1.1659 = 15474.0544…
        Assert.Equal(Money.FromMinor(15474, Currency.JPY), converted);
    }

    [Theory]
    [InlineData(MidpointRounding.ToEven, 180)]
    [InlineData(MidpointRounding.AwayFromZero, 181)]
    [InlineData(MidpointRounding.ToZero, 180)]
    [InlineData(MidpointRounding.ToPositiveInfinity, 181)]
    public void Yen_have_no_decimals_and_a_midpoint_rounds_as_asked(MidpointRounding rounding, long yen)
    {
        var converted = EuroRate.Convert(Money.FromMajor(1.00m, Currency.EUR, rounding), EuroRate.Euro(Friday), Leg("JPY", 180.50m), rounding);

        Assert.Equal(Money.FromMinor(yen, Currency.JPY), converted);
    }

    [Theory]
    [InlineData(MidpointRounding.ToEven, 17026)]
    [InlineData(MidpointRounding.ToZero, 17025)]
    public void Won_have_no_decimals(MidpointRounding rounding, long won)
    {
        var converted = EuroRate.Convert(Money.FromMajor(10.00m, Currency.EUR, rounding), EuroRate.Euro(Friday), Leg("KRW", 1702.55m), rounding);

        Assert.Equal(Money.FromMinor(won, Currency.KRW), converted);
    }

    [Theory]
    [InlineData(MidpointRounding.ToEven, 432)]
    [InlineData(MidpointRounding.AwayFromZero, 433)]
    public void Bahraini_dinar_have_three_decimals(MidpointRounding rounding, long fils)
    {
        var converted = EuroRate.Convert(Money.FromMajor(1.00m, Currency.EUR, rounding), EuroRate.Euro(Friday), Leg("BHD", 0.4325m), rounding);

        Assert.Equal(Money.FromMinor(fils, Currency.BHD), converted);
    }

    [Fact]
    public void Converting_to_EUR_is_exactly_the_amount_divided_by_the_rate_rounded_once()
    {
        var currencies = new[] { "USD", "JPY", "GBP", "KRW", "HUF", "IDR", "BHD", "CHF" }.Select(Currency.FromCode).ToArray();
        Gen.Select(Gen.OneOf(currencies), Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Rate, Gen.OneOf(Roundings))
            .Sample((currency, minor, rate, rounding) =>
            {
                var amount = Money.FromMinor(minor, currency);

                var converted = EuroRate.Convert(amount, new EuroRate(currency, rate, RateSources.Ecb, Friday, null), EuroRate.Euro(Friday), rounding);

                return converted == Money.FromMajor(amount.Amount / rate, Currency.EUR, rounding);
            });
    }

    [Fact]
    public void EUR_to_a_two_decimal_currency_and_back_stays_within_one_cent()
    {
        // Both legs round half a minor unit at most; at rates of 0.5 and above the way back adds at most one more.
        var currencies = new[] { "USD", "GBP", "CHF", "SEK", "INR", "ZAR" }.Select(Currency.FromCode).ToArray();
        Gen.Select(Gen.OneOf(currencies), Gen.Long[-100_000_000_000, 100_000_000_000], Gen.Decimal[0.5m, 50_000m].Select(r => decimal.Round(r, 4, MidpointRounding.ToEven)), Gen.OneOf(MidpointRounding.ToEven, MidpointRounding.AwayFromZero))
            .Sample((currency, minor, rate, rounding) =>
            {
                var start = Money.FromMinor(minor, Currency.EUR);
                var leg = new EuroRate(currency, rate, RateSources.Ecb, Friday, null);

                var there = EuroRate.Convert(start, EuroRate.Euro(Friday), leg, rounding);
                var back = EuroRate.Convert(there, leg, EuroRate.Euro(Friday), rounding);

                return Math.Abs(back.MinorUnits - start.MinorUnits) <= 1;
            });
    }

    [Fact]
    public void The_recorded_cross_rate_reproduces_the_conversion()
    {
        Gen.Select(Gen.Long[0, 10_000_000_000], Rate, Rate)
            .Sample((minor, fromRate, toRate) =>
            {
                var amount = Money.FromMinor(minor, Currency.USD);
                var from = new EuroRate(Currency.USD, fromRate, RateSources.Ecb, Friday, null);
                var to = new EuroRate(Currency.JPY, toRate, RateSources.Ecb, Friday, null);

                var converted = EuroRate.Convert(amount, from, to, MidpointRounding.ToEven);

                return Math.Abs(converted.MinorUnits - (long)decimal.Round(amount.Amount * EuroRate.Cross(from, to), 0, MidpointRounding.ToEven)) <= 1;
            });
    }

    private static Gen<decimal> Rate => Gen.Decimal[0.0001m, 50_000m].Select(r => decimal.Round(r, 4, MidpointRounding.ToEven)).Where(r => r > 0);

    private static EuroRate Leg(string code, decimal perEuro) => new(Currency.FromCode(code), perEuro, RateSources.Ecb, Friday, null);

    private static ExchangeRate Row(string source, DateOnly asOf, decimal rate) => new()
    {
        Id = ExchangeRateId.From(Guid.CreateVersion7()),
        Source = source,
        Base = "EUR",
        Quote = "USD",
        Rate = rate,
        AsOf = asOf,
        CreatedBy = "test",
    };
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.ExchangeRates;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.ExchangeRates;

public sealed class ExchangeRateStoreTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Importing_a_file_stores_each_rate_once_and_reimporting_changes_nothing()
    {
        await using var store = new RateStore();
        await using var first = File.OpenRead(Files.History);
        var imported = await store.Commands.ImportEcbAsync(first, "hist", "test", _ct);
        var auditLines = await store.Db.AuditEntries.CountAsync(_ct);

        await using var again = File.OpenRead(Files.History);
        var reimported = await store.Commands.ImportEcbAsync(again, "hist", "test", _ct);

        Assert.Equal((10, 290, 0, 0), (imported.Days, imported.Inserted, imported.Unchanged, imported.Corrected));
        Assert.Equal((0, 290, 0), (reimported.Inserted, reimported.Unchanged, reimported.Corrected));
        Assert.Equal(290, await store.Db.Set<ExchangeRate>().CountAsync(_ct));
        Assert.Equal(auditLines, await store.Db.AuditEntries.CountAsync(_ct));
    }

    [Fact]
    public async Task The_daily_file_after_the_history_is_already_known()
    {
        await using var store = new RateStore();
        await store.ImportAsync(Files.History);

        await using var daily = File.OpenRead(Files.Daily);
        var result = await store.Commands.ImportEcbAsync(daily, "daily", "test", _ct);

        Assert.Equal((0, 29), (result.Inserted, result.Unchanged));
    }

    [Fact]
    public async Task A_republished_rate_is_corrected_and_the_correction_audited()
    {
        await using var store = new RateStore();
        await store.ImportAsync(Files.Daily);
        var changed = (await File.ReadAllTextAsync(Files.Daily, _ct)).Replace("rate='1.1467'", "rate='1.1470'", StringComparison.Ordinal);

        var result = await store.Commands.ImportEcbAsync(new MemoryStream(Encoding.UTF8.GetBytes(changed)), "daily", "test", _ct);

        Assert.Equal((0, 28, 1), (result.Inserted, result.Unchanged, result.Corrected));
        Assert.Equal(1.1470m, (await store.Db.Set<ExchangeRate>().SingleAsync(r => r.Quote == "USD", _ct)).Rate);
        Assert.Contains(await store.Db.AuditEntries.ToListAsync(_ct), a => a.Action == "fx-rate.corrected" && a.Details.Contains("1.1467 → 1.147", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_reason_and_stores_nothing()
    {
        await using var store = new RateStore();
        var bad = (await File.ReadAllTextAsync(Files.History, _ct)).Replace("currency='THB'", "currency='THX'", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            store.Commands.ImportEcbAsync(new MemoryStream(Encoding.UTF8.GetBytes(bad)), "bad", "test", _ct));

        Assert.Contains("'THX'", Assert.Single(refused.Errors["file"]), StringComparison.Ordinal);
        Assert.Equal(0, await store.Db.Set<ExchangeRate>().CountAsync(_ct));
    }

    [Fact]
    public async Task Import_now_downloads_the_configured_address()
    {
        var server = new FileServer(Files.Daily);
        await using var store = new RateStore("https://ecb.example/eurofxref-daily.xml", server);

        var result = await store.Commands.ImportEcbFromConfiguredUrlAsync("test", _ct);

        Assert.Equal(29, result.Inserted);
        Assert.Equal("https://ecb.example/eurofxref-daily.xml", result.Origin);
        Assert.Equal(new Uri("https://ecb.example/eurofxref-daily.xml"), Assert.Single(server.Requests));
    }

    [Fact]
    public async Task Import_now_without_an_address_is_refused()
    {
        await using var store = new RateStore();

        var refused = await Assert.ThrowsAsync<DomainException>(() => store.Commands.ImportEcbFromConfiguredUrlAsync("test", _ct));

        Assert.Equal("fx-source-not-configured", refused.Code);
    }

    [Fact]
    public async Task A_weekend_conversion_uses_fridays_rate_and_records_it()
    {
        await using var store = new RateStore();
        await store.ImportAsync(Files.History);

        var conversion = await store.Converter.ConvertAsync(
            Money.FromMajor(100m, Currency.USD, MidpointRounding.ToEven), Currency.EUR, new DateOnly(2026, 11, 22), MidpointRounding.ToEven, "INV-1", _ct);

        // Friday 20 November: 1 EUR = 1.1659 USD; 100 ÷ 1.1659 = 85.7706…
        Assert.Equal(Money.FromMajor(85.77m, Currency.EUR, MidpointRounding.ToEven), conversion.To);
        Assert.Equal(new DateOnly(2026, 11, 20), conversion.AsOf);
        Assert.Equal(RateSources.Ecb, conversion.Source);
        var record = await store.Db.Set<CurrencyConversion>().SingleAsync(_ct);
        Assert.Equal((10000L, "USD", 8577L, "EUR", "INV-1"), (record.FromMinor, record.FromCurrency, record.ToMinor, record.ToCurrency, record.Purpose));
        Assert.Equal(1m / 1.1659m, record.Rate);
        var rate = await store.Db.Set<ExchangeRate>().SingleAsync(r => r.Id == record.RateId, _ct);
        Assert.Equal(("USD", new DateOnly(2026, 11, 20)), (rate.Quote, rate.AsOf));
    }

    [Fact]
    public async Task A_cross_conversion_names_both_stored_rates()
    {
        await using var store = new RateStore();
        await store.ImportAsync(Files.History);

        var conversion = await store.Converter.ConvertAsync(
            Money.FromMajor(100m, Currency.USD, MidpointRounding.ToEven), Currency.JPY, new DateOnly(2026, 11, 20), MidpointRounding.ToEven, "payout", _ct);

        Assert.Equal(Money.FromMinor(15474, Currency.JPY), conversion.To);
        Assert.Equal(180.41m / 1.1659m, conversion.Rate);
        var record = await store.Db.Set<CurrencyConversion>().SingleAsync(_ct);
        var legs = await store.Db.Set<ExchangeRate>().Where(r => r.Id == record.RateId || r.Id == record.CrossRateId).ToListAsync(_ct);
        Assert.Equal(["JPY", "USD"], legs.Select(r => r.Quote).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_override_wins_for_its_day_and_is_audited()
    {
        await using var store = new RateStore();
        await store.ImportAsync(Files.History);

        await store.Commands.SetOverrideAsync(new NewRateOverride("EUR", "USD", new DateOnly(2026, 11, 20), 1.2m), "morgan@example.com", _ct);
        var friday = await store.Converter.ConvertAsync(Money.FromMajor(120m, Currency.USD, MidpointRounding.ToEven), Currency.EUR, new DateOnly(2026, 11, 20), MidpointRounding.ToEven, "x", _ct);
        var monday = await store.Converter.ConvertAsync(Money.FromMajor(120m, Currency.USD, MidpointRounding.ToEven), Currency.EUR, new DateOnly(2026, 11, 23), MidpointRounding.ToEven, "x", _ct);

        Assert.Equal((100.00m, RateSources.Operator), (friday.To.Amount, friday.Source));
        Assert.Equal(RateSources.Ecb, monday.Source);
        var audit = Assert.Single(await store.Db.AuditEntries.Where(a => a.Action == "fx-rate.overridden").ToListAsync(_ct));
        Assert.Equal(("morgan@example.com", "fx-rate:EUR/USD:2026-11-20"), (audit.Actor, audit.Subject));
    }

    [Fact]
    public async Task Setting_an_override_again_replaces_it()
    {
        await using var store = new RateStore();

        await store.Commands.SetOverrideAsync(new NewRateOverride("EUR", "BHD", new DateOnly(2026, 11, 20), 0.43m), "test", _ct);
        await store.Commands.SetOverrideAsync(new NewRateOverride("EUR", "BHD", new DateOnly(2026, 11, 20), 0.4325m), "test", _ct);

        var row = await store.Db.Set<ExchangeRate>().SingleAsync(_ct);
        Assert.Equal(0.4325m, row.Rate);
        var conversion = await store.Converter.ConvertAsync(Money.FromMajor(1m, Currency.EUR, MidpointRounding.ToEven), Currency.BHD, new DateOnly(2026, 11, 20), MidpointRounding.AwayFromZero, "x", _ct);
        Assert.Equal(Money.FromMinor(433, Currency.BHD), conversion.To);
    }

    [Theory]
    [InlineData("USD", "JPY", "1.2", "2026-11-20", "base")]
    [InlineData("EUR", "EUR", "1", "2026-11-20", "quote")]
    [InlineData("EUR", "XYZ", "1", "2026-11-20", "quote")]
    [InlineData("EUR", "USD", "0", "2026-11-20", "rate")]
    [InlineData("EUR", "USD", "1.12345678901", "2026-11-20", "rate")]
    [InlineData("EUR", "USD", "1.2", "2026-11-28", "date")]
    public async Task An_invalid_override_names_the_field(string @base, string quote, string rate, string date, string field)
    {
        await using var store = new RateStore();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => store.Commands.SetOverrideAsync(
            new NewRateOverride(@base, quote, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)), "test", _ct));

        Assert.Equal([field], refused.Errors.Keys);
    }

    [Fact]
    public async Task A_conversion_before_the_first_publication_is_refused()
    {
        await using var store = new RateStore();
        await store.ImportAsync(Files.History);

        var refused = await Assert.ThrowsAsync<DomainException>(() => store.Converter.ConvertAsync(
            Money.FromMajor(1m, Currency.USD, MidpointRounding.ToEven), Currency.EUR, new DateOnly(2026, 11, 12), MidpointRounding.ToEven, "x", _ct));

        Assert.Equal("fx-rate-unavailable", refused.Code);
        Assert.Equal(0, await store.Db.Set<CurrencyConversion>().CountAsync(_ct));
    }

    [Fact]
    public async Task A_conversion_for_a_future_day_is_refused()
    {
        await using var store = new RateStore();
        await store.ImportAsync(Files.History);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => store.Converter.ConvertAsync(
            Money.FromMajor(1m, Currency.USD, MidpointRounding.ToEven), Currency.EUR, new DateOnly(2026, 11, 28), MidpointRounding.ToEven, "x", _ct));

        Assert.Equal(["date"], refused.Errors.Keys);
    }

    [Fact]
    public async Task Converting_into_the_same_currency_returns_the_amount_unchanged()
    {
        await using var store = new RateStore();

        var conversion = await store.Converter.ConvertAsync(Money.FromMinor(12345, Currency.JPY), Currency.JPY, new DateOnly(2026, 11, 1), MidpointRounding.ToEven, "x", _ct);

        Assert.Equal(Money.FromMinor(12345, Currency.JPY), conversion.To);
        Assert.Equal((1m, RateSources.SameCurrency), (conversion.Rate, conversion.Source));
    }

    [Fact]
    public async Task The_rate_table_for_a_sunday_is_fridays_and_cross_rates_derive_through_EUR()
    {
        await using var store = new RateStore();
        await store.ImportAsync(Files.History);

        var euro = await store.Queries.GetRatesAsync(Currency.EUR, new DateOnly(2026, 11, 22), _ct);
        var dollar = await store.Queries.GetRatesAsync(Currency.USD, new DateOnly(2026, 11, 22), _ct);

        Assert.Equal(29, euro.Rates.Count);
        Assert.All(euro.Rates, r => Assert.Equal(new DateOnly(2026, 11, 20), r.AsOf));
        Assert.Equal(1.1659m, euro.Rates.Single(r => r.Quote == "USD").Rate);
        Assert.Equal(29, dollar.Rates.Count);
        Assert.Equal(decimal.Round(180.41m / 1.1659m, 10, MidpointRounding.ToEven), dollar.Rates.Single(r => r.Quote == "JPY").Rate);
        Assert.Equal(decimal.Round(1m / 1.1659m, 10, MidpointRounding.ToEven), dollar.Rates.Single(r => r.Quote == "EUR").Rate);
        Assert.DoesNotContain(dollar.Rates, r => r.Quote == "USD");
    }
}

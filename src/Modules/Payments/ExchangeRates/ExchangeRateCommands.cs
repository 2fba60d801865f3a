using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.ExchangeRates;

internal sealed class ExchangeRateCommands(
    TradewindDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IHttpClientFactory httpClients,
    IOptions<FxOptions> options) : IExchangeRateCommands
{
    private const string Euro = "EUR";

    public async Task<RateImportResult> ImportEcbAsync(Stream xml, string origin, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(xml);
        IReadOnlyList<EcbPublication> publications;
        try
        {
            publications = EcbReferenceRates.Parse(xml);
        }
        catch (InvalidDataException exception)
        {
            throw new ValidationFailedException("file", exception.Message);
        }

        return await ImportAsync(publications, origin, actor, cancellationToken);
    }

    public async Task<RateImportResult> ImportEcbFromConfiguredUrlAsync(string actor, CancellationToken cancellationToken)
    {
        var url = options.Value.EcbUrl;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new DomainException("fx-source-not-configured", "No ECB address is configured (Payments:Fx:EcbUrl); upload a file instead.");
        }

        IReadOnlyList<EcbPublication> publications;
        try
        {
            using var client = httpClients.CreateClient(FxOptions.HttpClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            publications = EcbReferenceRates.Parse(body);
        }
        catch (HttpRequestException exception)
        {
            throw new DomainException("fx-source-unreachable", $"The ECB rates could not be downloaded from {uri}: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DomainException("fx-source-unreachable", $"The ECB rates could not be downloaded from {uri}: no answer in time.");
        }
        catch (InvalidDataException exception)
        {
            throw new DomainException("fx-source-invalid", $"{uri} did not return ECB reference rates. {exception.Message}");
        }

        return await ImportAsync(publications, uri.ToString(), actor, cancellationToken);
    }

    public async Task<ExchangeRateDto> SetOverrideAsync(NewRateOverride rateOverride, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rateOverride);
        var validation = new Validation()
            .Require(string.Equals(rateOverride.Base, Euro, StringComparison.Ordinal), "base",
                "Overrides are set against EUR, like the ECB reference rates; rates between other currencies are derived through EUR.")
            .Require(rateOverride.Rate > 0 && rateOverride.Rate < 10_000_000_000m, "rate", "The rate must be a positive decimal number below 10,000,000,000.")
            .Require(decimal.Round(rateOverride.Rate, ExchangeRate.Scale, MidpointRounding.ToEven) == rateOverride.Rate, "rate", "Give the rate with at most 10 decimal places.")
            .Require(rateOverride.Date <= CurrencyConverter.Today(clock), "date", "Rates can be set only for days that have begun; the date is in the future.");
        if (!Currency.TryFromCode(rateOverride.Quote, out var quote) || quote == Currency.EUR)
        {
            validation.Add("quote", $"'{rateOverride.Quote}' is not an ISO 4217 currency code other than EUR, e.g. USD.");
        }

        validation.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var existing = await db.Set<ExchangeRate>().SingleOrDefaultAsync(
            r => r.Source == RateSources.Operator && r.Base == Euro && r.Quote == quote!.Code && r.AsOf == rateOverride.Date, cancellationToken);
        var previous = existing?.Rate;
        var row = existing ?? new ExchangeRate
        {
            Id = ExchangeRateId.New(clock),
            Source = RateSources.Operator,
            Base = Euro,
            Quote = quote!.Code,
            AsOf = rateOverride.Date,
            CreatedBy = actor,
        };
        row.Rate = rateOverride.Rate;
        row.ImportedAt = now;
        row.CreatedBy = actor;
        if (existing is null)
        {
            db.Add(row);
        }

        audit.Record(
            actor,
            null,
            "fx-rate.overridden",
            $"fx-rate:{Euro}/{row.Quote}:{row.AsOf:yyyy-MM-dd}",
            previous is { } was
                ? $"1 EUR = {Format(row.Rate)} {row.Quote} on {row.AsOf:yyyy-MM-dd} (was {Format(was)})"
                : $"1 EUR = {Format(row.Rate)} {row.Quote} on {row.AsOf:yyyy-MM-dd}");
        await SaveAsync(cancellationToken);
        return new ExchangeRateDto(row.Base, row.Quote, row.Rate, row.Source, row.AsOf);
    }

    private async Task<RateImportResult> ImportAsync(IReadOnlyList<EcbPublication> publications, string origin, string actor, CancellationToken cancellationToken)
    {
        var first = publications[0].Date;
        var last = publications[^1].Date;
        var stored = await db.Set<ExchangeRate>()
            .Where(r => r.Source == RateSources.Ecb && r.Base == Euro && r.AsOf >= first && r.AsOf <= last)
            .ToDictionaryAsync(r => (r.Quote, r.AsOf), cancellationToken);

        var now = clock.GetUtcNow();
        int inserted = 0, unchanged = 0, corrected = 0;
        foreach (var publication in publications)
        {
            foreach (var (currency, rate) in publication.Rates)
            {
                if (!stored.TryGetValue((currency.Code, publication.Date), out var row))
                {
                    db.Add(new ExchangeRate
                    {
                        Id = ExchangeRateId.New(clock),
                        Source = RateSources.Ecb,
                        Base = Euro,
                        Quote = currency.Code,
                        Rate = rate,
                        AsOf = publication.Date,
                        ImportedAt = now,
                        CreatedBy = actor,
                    });
                    inserted++;
                }
                else if (row.Rate == rate)
                {
                    unchanged++;
                }
                else
                {
                    // The ECB republished a different value for a day; keep the latest and say so in the audit trail.
                    audit.Record(actor, null, "fx-rate.corrected", $"fx-rate:{Euro}/{row.Quote}:{row.AsOf:yyyy-MM-dd}",
                        $"ECB rate {Format(row.Rate)} → {Format(rate)} from {origin}");
                    row.Rate = rate;
                    row.ImportedAt = now;
                    row.CreatedBy = actor;
                    corrected++;
                }
            }
        }

        if (inserted + corrected > 0)
        {
            audit.Record(actor, null, "fx-rates.imported", "fx-rates:ECB",
                $"{origin}: {first:yyyy-MM-dd} to {last:yyyy-MM-dd}, {inserted} inserted, {unchanged} unchanged, {corrected} corrected");
            await SaveAsync(cancellationToken);
        }

        return new RateImportResult(origin, first, last, publications.Count, inserted, unchanged, corrected);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // The unique (source, base, quote, as_of) index: another import or override of the same day won the race.
            throw new DomainException("fx-rate-conflict", $"Another change to the same rates was saved first; try again. ({exception.InnerException?.Message})", DomainErrorKind.Conflict);
        }
    }

    private static string Format(decimal rate) => rate.ToString("0.##########", CultureInfo.InvariantCulture);
}

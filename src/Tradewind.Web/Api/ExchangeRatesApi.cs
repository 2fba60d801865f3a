using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Money;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Exchange rates: the ECB reference rates in force on a day (any signed-in caller: sellers see the rates their
/// payouts use), and, for the operator, imports, overrides and recorded conversions. Rates are decimal strings,
/// like money: 1 base = rate × quote.
/// </summary>
internal static class ExchangeRatesApi
{
    private const long MaxUploadBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapExchangeRatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/fx").WithTags("Exchange rates");
        group.MapGet("/rates", GetRates).RequireAuthorization()
            .WithSummary("Rates in force on a day (default today) against a base (default EUR); weekends and holidays use the previous publication day");
        group.MapPost("/overrides", SetOverride).RequireAuthorization(Policies.Operator)
            .WithSummary("Set the operator's EUR rate for one currency and day; it wins over the ECB rate of that day");
        group.MapPost("/imports", Import).RequireAuthorization(Policies.Operator)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import ECB reference rates: upload eurofxref-daily.xml or a history file as 'file', or send no body to fetch Payments:Fx:EcbUrl");
        group.MapPost("/conversions", Convert).RequireAuthorization(Policies.Operator)
            .WithSummary("Convert an amount at the rate in force on a day, rounding once; the conversion is recorded");
        group.MapGet("/conversions", ListConversions).RequireAuthorization(Policies.Operator)
            .WithSummary("Recorded conversions, newest first");
        return api;
    }

    public sealed record RateResponse(string Quote, string Rate, string Source, DateOnly AsOf);

    public sealed record RateTableResponse(string Base, DateOnly Date, IReadOnlyList<RateResponse> Rates);

    public sealed record SetOverrideRequest(string? Base, string? Quote, DateOnly? Date, string? Rate);

    public sealed record OverrideResponse(string Base, string Quote, string Rate, string Source, DateOnly AsOf);

    public sealed record ImportResponse(string Origin, DateOnly FirstDate, DateOnly LastDate, int Days, int Inserted, int Unchanged, int Corrected);

    public sealed record ConvertRequest(MoneyDto? Amount, string? To, DateOnly? Date, MidpointRounding? Rounding, string? Purpose);

    public sealed record ConversionResponse(
        Guid Id, MoneyDto From, MoneyDto To, string Rate, string Source, DateOnly Date, DateOnly AsOf, MidpointRounding Rounding, string Purpose, DateTimeOffset CreatedAt);

    /// <summary>A rate on the wire: invariant, no exponent, no trailing zeros ("1.1467", "181.06").</summary>
    public static string FormatRate(decimal rate) => rate.ToString("0.############################", CultureInfo.InvariantCulture);

    private static async Task<Ok<RateTableResponse>> GetRates(IExchangeRateQueries rates, TimeProvider clock, string? @base, string? date, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var currency = ParseCurrency(validation, "base", string.IsNullOrWhiteSpace(@base) ? "EUR" : @base.Trim().ToUpperInvariant());
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            validation.Add("date", "Give the date as yyyy-MM-dd, e.g. 2026-11-20.");
        }

        validation.ThrowIfInvalid();
        var table = await rates.GetRatesAsync(currency!, day, cancellationToken);
        return TypedResults.Ok(new RateTableResponse(
            table.Base, table.Date, table.Rates.Select(r => new RateResponse(r.Quote, FormatRate(r.Rate), r.Source, r.AsOf)).ToList()));
    }

    private static async Task<Ok<OverrideResponse>> SetOverride(SetOverrideRequest request, IExchangeRateCommands rates, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Quote), "quote", "Give the currency the rate is for, e.g. USD.")
            .Require(request.Date is not null, "date", "Give the day the rate is for as yyyy-MM-dd.");
        var rate = ParseRate(validation, request.Rate);
        validation.ThrowIfInvalid();

        var set = await rates.SetOverrideAsync(
            new NewRateOverride(string.IsNullOrWhiteSpace(request.Base) ? "EUR" : request.Base.Trim(), request.Quote!.Trim(), request.Date!.Value, rate),
            user.Actor(),
            cancellationToken);
        return TypedResults.Ok(new OverrideResponse(set.Base, set.Quote, FormatRate(set.Rate), set.Source, set.AsOf));
    }

    private static async Task<Ok<ImportResponse>> Import(HttpRequest request, IExchangeRateCommands rates, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        RateImportResult result;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
            if (file is null || file.Length == 0 || file.Length > MaxUploadBytes)
            {
                throw new ValidationFailedException("file", "Attach one ECB reference-rate XML file (up to 16 MB) as the form field 'file'.");
            }

            await using var stream = file.OpenReadStream();
            result = await rates.ImportEcbAsync(stream, $"upload:{Path.GetFileName(file.FileName)}", user.Actor(), cancellationToken);
        }
        else if (request.ContentLength is null or 0)
        {
            result = await rates.ImportEcbFromConfiguredUrlAsync(user.Actor(), cancellationToken);
        }
        else
        {
            throw new ValidationFailedException("file", "Send the ECB XML file as multipart/form-data (field 'file'), or no body to fetch the configured ECB address.");
        }

        return TypedResults.Ok(new ImportResponse(result.Origin, result.FirstDate, result.LastDate, result.Days, result.Inserted, result.Unchanged, result.Corrected));
    }

    private static async Task<Ok<ConversionResponse>> Convert(ConvertRequest request, ICurrencyConverter converter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(request.Amount is not null, "amount", "Give the amount to convert, e.g. {\"amount\": \"100.00\", \"currency\": \"USD\"}.")
            .Require(request.Date is not null, "date", "Give the day whose rate applies, as yyyy-MM-dd.")
            .Require(request.Rounding is not null, "rounding", "Say how to round: toEven, awayFromZero, toZero, toNegativeInfinity or toPositiveInfinity.");
        var to = ParseCurrency(validation, "to", request.To);
        validation.ThrowIfInvalid();
        var amount = request.Amount!.ToMoney("amount");
        var purpose = string.IsNullOrWhiteSpace(request.Purpose) ? $"API request by {user.Actor()}" : request.Purpose;

        var c = await converter.ConvertAsync(amount, to!, request.Date!.Value, request.Rounding!.Value, purpose.Length > 200 ? purpose[..200] : purpose, cancellationToken);
        return TypedResults.Ok(ToResponse(c));
    }

    private static async Task<Ok<ApiPage<ConversionResponse>>> ListConversions(IExchangeRateQueries rates, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<ConversionResponse>.From(await rates.ListConversionsAsync(PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static ConversionResponse ToResponse(CurrencyConversionDto c) => new(
        c.Id.Value, MoneyDto.From(c.From), MoneyDto.From(c.To), FormatRate(c.Rate), c.Source, c.Date, c.AsOf, c.Rounding, c.Purpose, c.CreatedAt);

    private static Currency? ParseCurrency(Validation validation, string field, string? code)
    {
        if (Currency.TryFromCode(code?.Trim(), out var currency))
        {
            return currency;
        }

        validation.Add(field, $"'{code}' is not an ISO 4217 currency code, e.g. USD.");
        return null;
    }

    private static decimal ParseRate(Validation validation, string? text)
    {
        // A decimal string, never a JSON number (clients parse those as binary floating point).
        if (decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate > 0)
        {
            return rate;
        }

        validation.Add("rate", "Give the rate as a positive decimal string, e.g. \"1.1467\" (1 EUR = 1.1467 USD).");
        return 0;
    }
}

using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// The tax engine over HTTP. Tax-id validation is open to any signed-in caller (seller and buyer sign-up forms use
/// it). Quotes, commits, reversals and the liability report are the operator's: Billing calls the engine in
/// process, and the HTTP endpoints serve the operator's tools and checks. Amounts and rates are decimal strings.
/// </summary>
internal static class TaxApi
{
    public static RouteGroupBuilder MapTaxApi(this RouteGroupBuilder api)
    {
        api.MapPost("/tax-ids/validate", Validate).WithTags("Tax").RequireAuthorization()
            .WithSummary("Check a tax id's format and check digits (and the registry, when one is configured); answers valid, normalized, type and reason");

        var tax = api.MapGroup("/tax").WithTags("Tax").RequireAuthorization(Policies.Operator);
        tax.MapPost("/quotes", Quote)
            .WithSummary("Quote the tax on invoice lines for an issuing entity (null: the routing rule's), a buyer and a date; the quote is stored");
        tax.MapGet("/quotes/{id}", GetQuote).WithSummary("A stored quote, with its inputs");
        tax.MapPost("/quotes/{id}/commit", Commit)
            .WithSummary("Commit a quote as the tax of a finalized invoice: its lines become tax transactions that the liability report sums");
        tax.MapPost("/quotes/{id}/reverse", Reverse)
            .WithSummary("Reverse a committed quote with a credit note: the same lines, negated, in the credit note's period");
        tax.MapGet("/liability", Liability)
            .WithSummary("Tax owed per issuing entity, jurisdiction and tax type for tax dates in [from, to), from committed quotes; format=csv or Accept: text/csv for CSV");
        return api;
    }

    public sealed record ValidateRequest(string? Country, string? Value);

    public sealed record ValidateResponse(bool Valid, string? Normalized, string? Type, string? Reason, bool? Registered, string? Registry);

    public sealed record BuyerRequest(string? Country, string? Subdivision, string? TaxId, bool? IsBusiness);

    public sealed record LineRequest(string? Id, string? Amount, string? Currency, string? TaxCode);

    public sealed record QuoteRequest(DateOnly? Date, string? IssuingEntity, string? SellerCountry, BuyerRequest? Buyer, IReadOnlyList<LineRequest>? Lines);

    public sealed record LineResponse(
        string Id, string Jurisdiction, string TaxType, string Rate, string TaxableAmount, string TaxAmount, string Treatment, string Rule, string Note);

    public sealed record QuoteResponse(
        Guid Id,
        DateOnly Date,
        string IssuingEntity,
        string Currency,
        TaxBuyer Buyer,
        ValidateResponse? BuyerTaxId,
        IReadOnlyList<LineResponse> Lines,
        string TotalTax,
        string RatesVersion,
        DateTimeOffset CreatedAt,
        string? CommittedAs,
        string? ReversedBy);

    public sealed record CommitRequest(string? DocumentNumber);

    public sealed record CommitResponse(Guid QuoteId, string DocumentNumber, string Kind, int Transactions, DateTimeOffset CommittedAt);

    public sealed record LiabilityRowResponse(
        string IssuingEntity, string Jurisdiction, string TaxType, string Currency, string TaxableAmount, string TaxCollected, string ReverseChargedAmount, int Transactions);

    public sealed record LiabilityResponse(string? IssuingEntity, DateOnly From, DateOnly To, IReadOnlyList<LiabilityRowResponse> Rows);

    private static async Task<Ok<ValidateResponse>> Validate(ValidateRequest request, ITaxQueries tax, CancellationToken cancellationToken)
    {
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Country), "country", "Give the country as an ISO 3166-1 alpha-2 code, e.g. DE.")
            .Require(request.Value is not null, "value", "Give the tax id to check.")
            .ThrowIfInvalid();
        var check = await tax.ValidateTaxIdAsync(request.Country!, request.Value!, cancellationToken);
        return TypedResults.Ok(ToResponse(check));
    }

    private static async Task<Ok<QuoteResponse>> Quote(QuoteRequest request, ITaxQuotes quotes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(request.Date is not null, "date", "Give the tax point's date as yyyy-MM-dd.")
            .Require(request.Buyer is not null, "buyer", "Give the buyer: {\"country\", \"subdivision\", \"taxId\", \"isBusiness\"}.")
            .Require(request.Lines is { Count: > 0 }, "lines", "Give at least one line.");
        var lines = new List<TaxLineRequest>();
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var line = request.Lines![i];
            if (line is null)
            {
                validation.Add($"lines[{i}]", "A line is an object with id, amount, currency and taxCode.");
                continue;
            }

            if (!Currency.TryFromCode(line.Currency?.Trim().ToUpperInvariant(), out var currency))
            {
                validation.Add($"lines[{i}].currency", $"'{line.Currency}' is not an ISO 4217 currency code.");
                continue;
            }

            // A decimal string with at most the currency's minor digits, never a JSON number.
            if (!Money.TryParse(line.Amount?.Trim(), currency, out var amount))
            {
                validation.Add($"lines[{i}].amount", $"Give the amount as a decimal string with at most {currency.MinorUnits} decimals, e.g. \"{Money.FromMinor(10000, currency).ToMajorString()}\".");
                continue;
            }

            lines.Add(new TaxLineRequest(line.Id ?? "", amount, line.TaxCode ?? ""));
        }

        validation.ThrowIfInvalid();
        var buyer = request.Buyer!;
        var quote = await quotes.QuoteAsync(
            new TaxQuoteRequest(request.Date!.Value, request.IssuingEntity, new TaxBuyer(buyer.Country ?? "", buyer.Subdivision, buyer.TaxId, buyer.IsBusiness ?? false), lines, request.SellerCountry),
            user.Actor(),
            cancellationToken);
        return TypedResults.Ok(ToResponse(quote));
    }

    private static async Task<Results<Ok<QuoteResponse>, NotFound>> GetQuote(string id, ITaxQuotes quotes, CancellationToken cancellationToken)
    {
        if (!TaxQuoteId.TryParse(id, out var quoteId))
        {
            return TypedResults.NotFound();
        }

        var quote = await quotes.FindQuoteAsync(quoteId, cancellationToken);
        return quote is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(quote));
    }

    private static Task<Ok<CommitResponse>> Commit(string id, CommitRequest request, ITaxQuotes quotes, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Record(id, request, (quoteId, number) => quotes.CommitAsync(quoteId, number, user.Actor(), cancellationToken));

    private static Task<Ok<CommitResponse>> Reverse(string id, CommitRequest request, ITaxQuotes quotes, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Record(id, request, (quoteId, number) => quotes.ReverseAsync(quoteId, number, user.Actor(), cancellationToken));

    private static async Task<Ok<CommitResponse>> Record(string id, CommitRequest request, Func<TaxQuoteId, string, Task<TaxCommitDto>> record)
    {
        if (!TaxQuoteId.TryParse(id, out var quoteId))
        {
            throw new DomainException("tax-quote-not-found", "There is no tax quote with this id.", DomainErrorKind.NotFound);
        }

        var result = await record(quoteId, request.DocumentNumber ?? "");
        return TypedResults.Ok(new CommitResponse(result.QuoteId.Value, result.DocumentNumber, result.Kind, result.Transactions, result.CommittedAt));
    }

    private static async Task<IResult> Liability(HttpRequest http, ITaxQueries tax, string? entity, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var start = ParseDay(validation, "from", from);
        var end = ParseDay(validation, "to", to);
        validation.ThrowIfInvalid();
        var report = await tax.GetLiabilityAsync(entity, start, end, cancellationToken);
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || http.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
        if (csv)
        {
            return TypedResults.File(Encoding.UTF8.GetBytes(ToCsv(report)), "text/csv; charset=utf-8", $"tax-liability-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.csv");
        }

        return TypedResults.Ok(new LiabilityResponse(
            report.IssuingEntity,
            report.From,
            report.To,
            report.Rows.Select(r => new LiabilityRowResponse(
                r.IssuingEntity, r.Jurisdiction, r.TaxType, r.Currency, r.TaxableAmount.ToMajorString(), r.TaxCollected.ToMajorString(), r.ReverseChargedAmount.ToMajorString(), r.Transactions)).ToList()));
    }

    /// <summary>The report as CSV (RFC 4180, invariant numbers), one row per entity, jurisdiction and tax type.</summary>
    public static string ToCsv(TaxLiabilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder("issuing_entity,jurisdiction,tax_type,currency,taxable_amount,tax_collected,reverse_charged_amount,transactions,period_from,period_to\r\n");
        foreach (var r in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Field(r.IssuingEntity)},{Field(r.Jurisdiction)},{Field(r.TaxType)},{r.Currency},{r.TaxableAmount.ToMajorString()},{r.TaxCollected.ToMajorString()},{r.ReverseChargedAmount.ToMajorString()},{r.Transactions},{report.From:yyyy-MM-dd},{report.To:yyyy-MM-dd}\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static DateOnly ParseDay(Validation validation, string field, string? text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        validation.Add(field, "Give the date as yyyy-MM-dd; the period is [from, to).");
        return default;
    }

    private static ValidateResponse ToResponse(TaxIdCheckDto c) => new(c.Valid, c.Normalized, c.Type, c.Reason, c.Registered, c.Registry);

    internal static QuoteResponse ToResponse(TaxQuoteDto q) => new(
        q.Id.Value,
        q.Date,
        q.IssuingEntity,
        q.Currency,
        q.Buyer,
        q.BuyerTaxId is null ? null : ToResponse(q.BuyerTaxId),
        q.Lines.Select(l => new LineResponse(
            l.Id, l.Jurisdiction, l.TaxType, ExchangeRatesApi.FormatRate(l.Rate), l.TaxableAmount.ToMajorString(), l.TaxAmount.ToMajorString(), l.Treatment, l.Rule, l.Note)).ToList(),
        q.TotalTax.ToMajorString(),
        q.RatesVersion,
        q.CreatedAt,
        q.CommittedAs,
        q.ReversedBy);
}

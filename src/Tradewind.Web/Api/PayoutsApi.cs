using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Seller payouts, their pain.001 payment files and bank outcomes, payout schedules, and the payment reports (a
/// seller's earnings per invoice, the operator's cash, tax and payouts-due position). Sellers see only their own
/// payouts and earnings; files, runs, bank outcomes and the position are the operator's.
/// </summary>
internal static class PayoutsApi
{
    public static RouteGroupBuilder MapPayoutsApi(this RouteGroupBuilder api)
    {
        var payouts = api.MapGroup("/payouts").WithTags("Payouts")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator));
        payouts.MapGet("/", List).WithSummary("Payouts, newest first; filter by status, currency, entity (and seller, for the operator). Sellers see their own");
        payouts.MapGet("/{id:guid}", Get).WithSummary("One payout, with the invoices it paid");
        payouts.MapGet("/{id:guid}/file", File).RequireAuthorization(Policies.Operator)
            .WithSummary("The pain.001.001.09 file holding the payout; a requested payout goes into a new file with the other requested payouts of its entity and currency, and they become sent");
        payouts.MapPost("/{id:guid}/paid", Paid).RequireAuthorization(Policies.Operator).WithSummary("The bank confirmed a sent payout");
        payouts.MapPost("/{id:guid}/returned", Returned).RequireAuthorization(Policies.Operator)
            .WithSummary("The bank returned a sent or paid payout; the ledger re-credits the seller's payable");
        payouts.MapPost("/run", Run).RequireAuthorization(Policies.Operator)
            .WithSummary("Run the payouts as of an instant (default now): every available balance whose schedule is due and that reaches the minimum, to a verified account");

        var schedules = api.MapGroup("/seller-entities/{entityId:guid}/payout-schedule").WithTags("Payouts")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator));
        schedules.MapGet("/", GetSchedule).WithSummary("How often the entity is paid (monthly unless chosen)");
        schedules.MapPut("/", SetSchedule).WithSummary("Choose daily, weekly or monthly payouts");

        var reports = api.MapGroup("/reports").WithTags("Payment reports");
        reports.MapGet("/seller-earnings", SellerEarnings)
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator))
            .WithSummary("Per invoice and credit note finalized in [from, to): gross, tax, proceeds, fee, net and the payout it went in; format=csv or Accept: text/csv for CSV");
        reports.MapGet("/payments-position", Position).RequireAuthorization(Policies.Operator)
            .WithSummary("Cash in clearing per entity and currency, tax payable per jurisdiction, and the seller balances payable, as of an instant");
        return api;
    }

    public sealed record PayoutResponse(
        Guid Id,
        Guid SellerId,
        Guid SellerEntityId,
        string SellerEntityName,
        string Entity,
        string Amount,
        string Currency,
        PayoutStatus Status,
        string EndToEndId,
        Guid BankAccountId,
        string AccountLast4,
        DateTimeOffset AsOf,
        DateTimeOffset RequestedAt,
        DateTimeOffset? SentAt,
        DateTimeOffset? PaidAt,
        DateTimeOffset? ReturnedAt,
        string? ReturnReason,
        Guid? FileId,
        IReadOnlyList<Guid> Invoices);

    public sealed record RunRequest(DateTimeOffset? AsOf);

    public sealed record HeldResponse(Guid SellerId, string Entity, string Available, string Currency, string Reason);

    public sealed record RunResponse(DateTimeOffset AsOf, IReadOnlyList<PayoutResponse> Created, IReadOnlyList<HeldResponse> Held);

    public sealed record ReturnRequest(string? Reason);

    public sealed record ScheduleRequest(PayoutFrequency? Frequency);

    public sealed record ScheduleResponse(Guid SellerEntityId, PayoutFrequency Frequency, DateTimeOffset? UpdatedAt);

    public sealed record EarningsLineResponse(
        Guid InvoiceId, string Number, string Kind, string Entity, DateTimeOffset FinalizedAt, DateTimeOffset? PaidAt,
        string Gross, string Tax, string DocumentCurrency, string Proceeds, string Fee, string Net, string Currency, Guid? PayoutId, PayoutStatus? PayoutStatus);

    public sealed record EarningsResponse(Guid SellerId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<EarningsLineResponse> Lines, IReadOnlyList<PayoutResponse> Payouts);

    public sealed record BalanceResponse(string Entity, string Subject, string Amount, string Currency);

    public sealed record DueResponse(Guid SellerId, string Entity, string Payable, string Available, string Currency, string? HeldReason);

    public sealed record PositionResponse(DateTimeOffset AsOf, IReadOnlyList<BalanceResponse> Cash, IReadOnlyList<BalanceResponse> TaxPayable, IReadOnlyList<DueResponse> PayoutsDue);

    private static async Task<Ok<ApiPage<PayoutResponse>>> List(
        IPayoutQueries queries, ClaimsPrincipal user, string? status, string? currency, string? entity, Guid? seller, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        PayoutStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = Enum.TryParse<PayoutStatus>(status.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ValidationFailedException("status", "Status is requested, sent, paid or returned.");
        }

        var sellerId = user.SellerScope() ?? (seller is { } s ? OrganisationId.From(s) : null);
        var filter = new PayoutFilter(sellerId, wanted, string.IsNullOrWhiteSpace(currency) ? null : currency.Trim().ToUpperInvariant(), string.IsNullOrWhiteSpace(entity) ? null : entity.Trim());
        var result = await queries.ListAsync(filter, PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<PayoutResponse>.From(result, ToResponse));
    }

    private static async Task<Results<Ok<PayoutResponse>, ProblemHttpResult>> Get(Guid id, IPayoutQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindAsync(new PayoutId(id), user.SellerScope(), cancellationToken) is { } payout ? TypedResults.Ok(ToResponse(payout)) : NotFound(id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> File(Guid id, IPayoutCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await commands.GetFileAsync(new PayoutId(id), user.Actor(), cancellationToken) is { } file
            ? TypedResults.File(Encoding.UTF8.GetBytes(file.Xml), "application/xml; charset=utf-8", $"pain.001-{file.EntityCode}-{file.Currency}-{file.MessageId}.xml")
            : NotFound(id);

    private static async Task<Ok<PayoutResponse>> Paid(Guid id, IPayoutCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.MarkPaidAsync(new PayoutId(id), user.Actor(), cancellationToken)));

    private static async Task<Ok<PayoutResponse>> Returned(Guid id, ReturnRequest request, IPayoutCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.MarkReturnedAsync(new PayoutId(id), request.Reason ?? "", user.Actor(), cancellationToken)));

    private static async Task<Ok<RunResponse>> Run(RunRequest? request, IPayoutCommands commands, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var run = await commands.RunAsync(request?.AsOf ?? clock.GetUtcNow(), user.Actor(), cancellationToken);
        return TypedResults.Ok(new RunResponse(
            run.AsOf,
            run.Created.Select(ToResponse).ToList(),
            run.Held.Select(h => new HeldResponse(h.SellerId.Value, h.EntityCode, h.Available.ToMajorString(), h.Available.Currency.Code, h.Reason)).ToList()));
    }

    private static async Task<Ok<ScheduleResponse>> GetSchedule(Guid entityId, IAccountsQueries accounts, IPayoutQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var entity = await OwnEntityAsync(entityId, accounts, user, cancellationToken);
        var schedule = await queries.GetScheduleAsync(entity, cancellationToken);
        return TypedResults.Ok(new ScheduleResponse(schedule.SellerEntityId.Value, schedule.Frequency, schedule.UpdatedAt));
    }

    private static async Task<Ok<ScheduleResponse>> SetSchedule(
        Guid entityId, ScheduleRequest request, IAccountsQueries accounts, IPayoutCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var entity = await OwnEntityAsync(entityId, accounts, user, cancellationToken);
        var frequency = request.Frequency ?? throw new ValidationFailedException("frequency", "Choose daily, weekly or monthly.");
        var schedule = await commands.SetScheduleAsync(entity, frequency, user.Actor(), cancellationToken);
        return TypedResults.Ok(new ScheduleResponse(schedule.SellerEntityId.Value, schedule.Frequency, schedule.UpdatedAt));
    }

    private static async Task<IResult> SellerEarnings(
        HttpRequest http, IPayoutQueries queries, TimeProvider clock, ClaimsPrincipal user, string? from, string? to, Guid? seller, string? format, CancellationToken cancellationToken)
    {
        var sellerId = user.SellerScope() ?? (seller is { } s ? OrganisationId.From(s) : throw new ValidationFailedException("seller", "Name the seller whose earnings to report."));
        var (start, end) = Period(from, to, clock);
        var report = await queries.GetSellerEarningsAsync(sellerId, start, end, cancellationToken);
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || http.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
        if (csv)
        {
            return TypedResults.File(Encoding.UTF8.GetBytes(ToCsv(report)), "text/csv; charset=utf-8", $"seller-earnings-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.csv");
        }

        return TypedResults.Ok(new EarningsResponse(
            report.SellerId.Value,
            report.From,
            report.To,
            report.Lines.Select(l => new EarningsLineResponse(
                l.InvoiceId.Value, l.Number, l.Kind, l.EntityCode, l.FinalizedAt, l.PaidAt, l.Gross.ToMajorString(), l.Tax.ToMajorString(), l.Gross.Currency.Code,
                l.Proceeds.ToMajorString(), l.Fee.ToMajorString(), l.Net.ToMajorString(), l.Net.Currency.Code, l.PayoutId?.Value, l.PayoutStatus)).ToList(),
            report.Payouts.Select(ToResponse).ToList()));
    }

    private static async Task<Ok<PositionResponse>> Position(IPayoutQueries queries, TimeProvider clock, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var position = await queries.GetPositionAsync(asOf ?? clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new PositionResponse(
            position.AsOf,
            position.Cash.Select(ToResponse).ToList(),
            position.TaxPayable.Select(ToResponse).ToList(),
            position.PayoutsDue.Select(d => new DueResponse(d.SellerId.Value, d.EntityCode, d.Payable.ToMajorString(), d.Available.ToMajorString(), d.Payable.Currency.Code, d.HeldReason)).ToList()));
    }

    /// <summary>The report as CSV (RFC 4180, invariant numbers), one row per document and seller currency.</summary>
    public static string ToCsv(SellerEarningsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder("document,kind,entity,finalized_at,paid_at,document_currency,gross,tax,currency,proceeds,fee,net,payout_id,payout_status\r\n");
        foreach (var l in report.Lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Field(l.Number)},{l.Kind},{Field(l.EntityCode)},{l.FinalizedAt:yyyy-MM-ddTHH:mm:ssZ},{l.PaidAt:yyyy-MM-ddTHH:mm:ssZ},{l.Gross.Currency.Code},{l.Gross.ToMajorString()},{l.Tax.ToMajorString()},{l.Net.Currency.Code},{l.Proceeds.ToMajorString()},{l.Fee.ToMajorString()},{l.Net.ToMajorString()},{l.PayoutId?.ToString()},{(l.PayoutStatus is { } s ? s.ToString().ToLowerInvariant() : "")}\r\n");
        }

        return csv.ToString();
    }

    /// <summary>A report period from two days (yyyy-MM-dd, [from, to)); by default the last 12 months up to tomorrow.</summary>
    internal static (DateTimeOffset Start, DateTimeOffset End) Period(string? from, string? to, TimeProvider clock)
    {
        var validation = new Validation();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = Day(validation, "to", to) ?? today.AddDays(1);
        var start = Day(validation, "from", from) ?? end.AddMonths(-12);
        if (validation.IsValid && start >= end)
        {
            validation.Add("to", "The period is [from, to): 'to' comes after 'from'.");
        }

        validation.ThrowIfInvalid();
        return (new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    private static DateOnly? Day(Validation validation, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        validation.Add(field, "Give the date as yyyy-MM-dd; the period is [from, to).");
        return null;
    }

    private static async Task<SellerEntityId> OwnEntityAsync(Guid entityId, IAccountsQueries accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var entity = await accounts.FindSellerEntityAsync(SellerEntityId.From(entityId), user.SellerScope(), cancellationToken)
            ?? throw new DomainException("seller-entity-not-found", $"Seller entity {entityId} does not exist.", DomainErrorKind.NotFound);
        return entity.Id;
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static BalanceResponse ToResponse(PositionBalance b) => new(b.EntityCode, b.Subject, b.Balance.ToMajorString(), b.Balance.Currency.Code);

    internal static PayoutResponse ToResponse(PayoutDto p) => new(
        p.Id.Value, p.SellerId.Value, p.SellerEntityId.Value, p.SellerEntityName, p.EntityCode, p.Amount.ToMajorString(), p.Amount.Currency.Code, p.Status, p.EndToEndId,
        p.BankAccountId.Value, p.AccountLast4, p.AsOf, p.RequestedAt, p.SentAt, p.PaidAt, p.ReturnedAt, p.ReturnReason, p.FileId, p.Invoices.Select(i => i.Value).ToList());

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"Payout {id} does not exist.",
        type: Problems.ProblemDetailsDefaults.TypeBase + "payout-not-found");
}

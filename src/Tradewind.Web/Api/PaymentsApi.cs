using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Card collections. A buyer saves cards and pays its finalized invoices by card; the operator reads every payment and
/// runs dunning. Every payment and card says which gateway took it; <c>sandbox: true</c> means the built-in sandbox
/// gateway, where nothing real is charged. Money is a decimal string with exactly the currency's minor digits.
/// </summary>
internal static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/invoices/{id:guid}/payments", Pay).WithTags("Payments").RequireAuthorization(Policies.Buyer)
            .WithSummary("Pay a finalized invoice in full by card, saved or new (buyer; send an Idempotency-Key: a retry never charges twice)");
        api.MapGet("/invoices/{id:guid}/refunds", Refunds).WithTags("Payments").RequireAuthorization(Policies.Operator)
            .WithSummary("Card refunds made for credit notes on an invoice, or for a credit note (operator)");

        var payments = api.MapGroup("/payments").WithTags("Payments").RequireAuthorization(BillingApi.BuyerOrOperator);
        payments.MapGet("/", List).WithSummary("Card payments, newest first (a buyer sees its own); filter by invoice, buyer, status");
        payments.MapGet("/gateway", Gateway).WithSummary("The card gateway in use; for the sandbox, its test card numbers");
        payments.MapGet("/{id:guid}", Get).WithSummary("One card payment");

        var methods = api.MapGroup("/payment-methods").WithTags("Payments").RequireAuthorization(Policies.Buyer);
        methods.MapPost("/", SaveMethod).WithSummary("Save a card (sandbox: number, expiry, CVC; Stripe: a PaymentMethod token from Stripe.js). Only brand, last four and expiry are kept");
        methods.MapGet("/", ListMethods).WithSummary("Your saved cards, newest (the default for dunning retries) first");

        api.MapGet("/dunning/steps", Steps).WithTags("Payments").RequireAuthorization(Policies.Operator).WithSummary("Dunning steps taken, oldest first; filter by invoice (operator)");
        api.MapPost("/dunning/run", RunDunning).WithTags("Payments").RequireAuthorization(Policies.Operator)
            .WithSummary("Take every dunning step due as of an instant (default now, never later): retries, reminders, suspensions (operator)");
        return api;
    }

    public sealed record CardBody(string? Number, int? ExpMonth, int? ExpYear, string? Cvc, string? Token);

    /// <remarks><c>Amount</c>: optional; when given it must be the invoice's open amount (its total).</remarks>
    public sealed record PayBody(Guid? PaymentMethodId, CardBody? Card, MoneyDto? Amount);

    public sealed record DunningRunBody(DateTimeOffset? AsOf);

    public sealed record PaymentMethodResponse(Guid Id, string Gateway, bool Sandbox, string Brand, string Last4, int ExpMonth, int ExpYear, bool IsDefault, DateTimeOffset CreatedAt);

    public sealed record PaymentResponse(
        Guid Id, Guid InvoiceId, string InvoiceNumber, Guid BuyerId, Guid? PaymentMethodId, string CardBrand, string CardLast4, string Amount, string Currency, string Status,
        string Gateway, bool Sandbox, string? GatewayReference, string? DeclineCode, string? Message, string Trigger, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string Refunded);

    public sealed record RefundResponse(Guid Id, Guid CreditNoteId, Guid PaymentId, string Amount, string Currency, string Status, string? GatewayReference, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

    public sealed record DunningStepResponse(
        Guid InvoiceId, string InvoiceNumber, Guid BuyerId, string Step, DateTimeOffset DueAt, DateTimeOffset TakenAt, string Outcome, Guid? PaymentId, IReadOnlyList<Guid> Agreements, string Actor);

    public sealed record DunningRunResponse(DateTimeOffset AsOf, int OverdueInvoices, IReadOnlyList<DunningStepResponse> Steps);

    public static CollectionsCaller CollectionsCaller(this ClaimsPrincipal user) => new(user.OrganisationId(), user.Role() ?? Roles.Buyer, user.Actor());

    private static async Task<Created<PaymentResponse>> Pay(
        Guid id, PayBody body, ICollectionsCommands commands, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers["Idempotency-Key"].ToString();
        var key = string.IsNullOrWhiteSpace(header) ? Guid.NewGuid().ToString() : header;
        var payment = await commands.PayInvoiceAsync(
            new PayInvoiceRequest(new InvoiceId(id), body.PaymentMethodId is { } m ? new PaymentMethodId(m) : null, ToCard(body.Card), body.Amount?.ToMoney("amount"), key),
            user.CollectionsCaller(),
            cancellationToken);
        return TypedResults.Created($"/api/v1/payments/{payment.Id}", ToResponse(payment));
    }

    private static async Task<Ok<ApiPage<PaymentResponse>>> List(
        ICollectionsQueries queries, ClaimsPrincipal user, Guid? invoice, Guid? buyer, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        PaymentStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsed = PaymentStatuses.FromWire(status) ?? throw new ValidationFailedException("status", "One of pending, succeeded, declined, insufficient_funds, requires_action.");
        }

        var filter = new PaymentFilter(invoice is { } i ? new InvoiceId(i) : null, buyer is { } b ? new OrganisationId(b) : null, parsed);
        var result = await queries.ListPaymentsAsync(filter, user.CollectionsCaller(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<PaymentResponse>.From(result, ToResponse));
    }

    private static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> Get(Guid id, ICollectionsQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindPaymentAsync(new PaymentId(id), user.CollectionsCaller(), cancellationToken) is { } payment
            ? TypedResults.Ok(ToResponse(payment))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Payment {id} does not exist.", type: Problems.ProblemDetailsDefaults.TypeBase + "payment-not-found");

    private static Ok<PaymentGatewayDto> Gateway(ICollectionsQueries queries) => TypedResults.Ok(queries.Gateway);

    private static async Task<Created<PaymentMethodResponse>> SaveMethod(CardBody body, ICollectionsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var method = await commands.SavePaymentMethodAsync(ToCard(body)!, user.CollectionsCaller(), cancellationToken);
        return TypedResults.Created($"/api/v1/payment-methods/{method.Id}", ToResponse(method));
    }

    private static async Task<Ok<IReadOnlyList<PaymentMethodResponse>>> ListMethods(ICollectionsQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PaymentMethodResponse>>((await queries.ListPaymentMethodsAsync(user.OrganisationId(), cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Ok<IReadOnlyList<RefundResponse>>> Refunds(Guid id, ICollectionsQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<RefundResponse>>((await queries.ListRefundsAsync(new InvoiceId(id), cancellationToken))
            .Select(r => new RefundResponse(r.Id.Value, r.CreditNoteId.Value, r.PaymentId.Value, r.Amount.ToMajorString(), r.Amount.Currency.Code, r.Status, r.GatewayReference, r.CreatedAt, r.CompletedAt))
            .ToList());

    private static async Task<Ok<IReadOnlyList<DunningStepResponse>>> Steps(Guid? invoice, ICollectionsQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<DunningStepResponse>>((await queries.ListDunningStepsAsync(invoice is { } i ? new InvoiceId(i) : null, cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Ok<DunningRunResponse>> RunDunning(DunningRunBody? body, ICollectionsCommands commands, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var run = await commands.RunDunningAsync(body?.AsOf ?? clock.GetUtcNow(), user.Actor(), cancellationToken);
        return TypedResults.Ok(new DunningRunResponse(run.AsOf, run.OverdueInvoices, run.Steps.Select(ToResponse).ToList()));
    }

    private static NewCard? ToCard(CardBody? body) => body is null
        ? null
        : new NewCard(body.Number, body.ExpMonth ?? 0, body.ExpYear ?? 0, body.Cvc, body.Token);

    private static PaymentMethodResponse ToResponse(PaymentMethodDto m) => new(m.Id.Value, m.Gateway, m.Sandbox, m.Brand, m.Last4, m.ExpMonth, m.ExpYear, m.IsDefault, m.CreatedAt);

    private static PaymentResponse ToResponse(PaymentDto p) => new(
        p.Id.Value, p.InvoiceId.Value, p.InvoiceNumber, p.BuyerId.Value, p.PaymentMethodId?.Value, p.CardBrand, p.CardLast4, p.Amount.ToMajorString(), p.Amount.Currency.Code,
        p.Status.ToWire(), p.Gateway, p.Sandbox, p.GatewayReference, p.DeclineCode, p.Message, p.Trigger, p.CreatedAt, p.CompletedAt, p.Refunded.ToMajorString());

    private static DunningStepResponse ToResponse(DunningStepDto s) => new(
        s.InvoiceId.Value, s.InvoiceNumber, s.BuyerId.Value, s.Step, s.DueAt, s.TakenAt, s.Outcome, s.PaymentId?.Value, s.Agreements.Select(a => a.Value).ToList(), s.Actor);
}

using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Billing runs (operator) and billing documents. The operator sees every invoice and credit note; a buyer its own
/// finalized documents; a seller the finalized documents with lines for its products, showing only those lines (and
/// totals summed from them), never another seller's lines or the buyer's other purchases. The rendered documents (PDF,
/// UBL, HTML) are the whole document, so only the operator and the buyer may download them; sellers use the billed-revenue
/// report. Money is a decimal string with exactly the currency's minor digits; the document's <c>currency</c> applies.
/// </summary>
internal static class BillingApi
{
    public static RouteGroupBuilder MapBillingApi(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/billing-runs").WithTags("Billing").RequireAuthorization(Policies.Operator);
        runs.MapPost("/", Run).WithSummary("Run billing as of an instant: rate every period that ended by then and draft (and finalize) invoices (send an Idempotency-Key)");
        runs.MapGet("/", ListRuns).WithSummary("Billing runs, newest first");
        runs.MapGet("/{id:guid}", GetRun).WithSummary("One billing run and what it did");

        var invoices = api.MapGroup("/invoices").WithTags("Billing").RequireAuthorization();
        invoices.MapGet("/", List).WithSummary("Invoices and credit notes you may see, newest first; filter by buyer, status, kind");
        invoices.MapGet("/{id:guid}", Get).WithSummary("One document with its lines, tax and totals (a seller sees only its own lines)");
        invoices.MapGet("/{id:guid}/pdf", Pdf).WithSummary("The document as PDF (operator or its buyer)").RequireAuthorization(BuyerOrOperator);
        invoices.MapGet("/{id:guid}/ubl", Ubl).WithSummary("The document as UBL 2.1 XML, Peppol BIS Billing 3.0 (operator or its buyer)").RequireAuthorization(BuyerOrOperator);
        invoices.MapGet("/{id:guid}/html", Html).WithSummary("The document as a printable HTML page (operator or its buyer)").RequireAuthorization(BuyerOrOperator);
        invoices.MapPost("/{id:guid}/finalize", FinalizeInvoice).WithSummary("Finalize a draft: number it in the issuer's series; it never changes again (operator)").RequireAuthorization(Policies.Operator);
        invoices.MapPost("/{id:guid}/mark-paid", MarkPaid).WithSummary("Record that a finalized invoice was paid (operator)").RequireAuthorization(Policies.Operator);
        invoices.MapPost("/{id:guid}/void", VoidInvoice).WithSummary("Void a draft, or a finalized unpaid invoice by a full credit note (operator)").RequireAuthorization(Policies.Operator);
        invoices.MapPost("/{id:guid}/credit-notes", CreditNote).WithSummary("Credit a finalized invoice in whole or by line (operator; send an Idempotency-Key)").RequireAuthorization(Policies.Operator);

        api.MapGet("/billed-revenue", BilledRevenue).WithTags("Billing").RequireAuthorization(Policies.Seller)
            .WithSummary("Your products' lines on finalized documents issued in [from, to) (sellers)");
        return api;
    }

    /// <summary>The buyer or operator roles (documents are whole: sellers get the billed-revenue report instead).</summary>
    public const string BuyerOrOperator = "role:buyer-or-operator";

    public sealed record RunBody(DateTimeOffset? AsOf, bool? Finalize);

    public sealed record MarkPaidBody(DateTimeOffset? PaidAt);

    public sealed record ReasonBody(string? Reason);

    public sealed record CreditNoteBody(string? Reason, IReadOnlyList<CreditNoteLineBody>? Lines);

    public sealed record CreditNoteLineBody(int? LineNumber, string? Amount);

    public sealed record RunTotalResponse(string Currency, int Invoices, string Subtotal, string TotalTax, string Total);

    public sealed record RunResponse(
        Guid Id, DateTimeOffset AsOf, string Status, string Trigger, string Actor, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, int AgreementsRated,
        int PeriodsSkipped, int InvoicesDrafted, int InvoicesFinalized, int LateUsageLines, IReadOnlyList<RunTotalResponse> Totals, IReadOnlyList<string> Errors);

    public sealed record InvoiceSummaryResponse(
        Guid Id, string Kind, string? Number, string Status, Guid BuyerId, string BuyerName, string IssuerEntityCode, string Currency, DateTimeOffset PeriodStart,
        DateTimeOffset PeriodEnd, DateOnly? IssueDate, string Subtotal, string TotalTax, string Total);

    public sealed record BuyerResponse(Guid Id, string Name, PostalAddress Address, string? TaxId, bool IsBusiness, string? Email);

    public sealed record IssuerResponse(string EntityCode, string LegalName, PostalAddress Address, IReadOnlyList<TaxRegistrationDto> TaxRegistrations, CollectionAccountDto? PaymentAccount);

    public sealed record LineTaxResponse(string Jurisdiction, string TaxType, decimal Rate, string Treatment, string Category, string Amount, string? Note);

    public sealed record LineResponse(
        int LineNumber, string Kind, Guid? AgreementId, Guid? ProductId, string ProductTitle, string? Dimension, string Description, decimal Quantity, string Unit,
        string UnitPrice, string Amount, string TotalTax, string Total, DateTimeOffset ServiceStart, DateTimeOffset ServiceEnd, string TaxCode, LineTaxResponse Tax,
        IReadOnlyList<RatingStep> Steps);

    public sealed record TaxSubtotalResponse(
        string Category, decimal Rate, string TaxType, string Jurisdiction, string TaxableAmount, string TaxAmount, string? ExemptionReason, MoneyDto? TaxAmountInTaxCurrency);

    public sealed record InvoiceResponse(
        Guid Id, string Kind, string? Number, string Status, BuyerResponse Buyer, IssuerResponse Issuer, string Currency, string Language, DateTimeOffset PeriodStart,
        DateTimeOffset PeriodEnd, DateOnly? IssueDate, DateOnly? DueDate, IReadOnlyList<LineResponse> Lines, IReadOnlyList<TaxSubtotalResponse> TaxSubtotals,
        string Subtotal, string TotalTax, string Total, string? TaxCurrency, MoneyDto? TotalTaxInTaxCurrency, InvoiceConversion? Conversion, string PaymentReference,
        Guid? CorrectsInvoiceId, string? CorrectsInvoiceNumber, IReadOnlyList<string> Legends, DateTimeOffset CreatedAt, DateTimeOffset? FinalizedAt,
        DateTimeOffset? PaidAt, DateTimeOffset? VoidedAt);

    public sealed record BilledRevenueResponse(
        Guid InvoiceId, string Number, string Kind, DateOnly IssueDate, Guid BuyerId, string BuyerName, string BuyerCountry, Guid ProductId, string ProductTitle,
        Guid? AgreementId, string? Dimension, string Currency, string Net, string Tax);

    private static async Task<Created<RunResponse>> Run(RunBody body, IBillingCommands commands, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        if (body.AsOf is not { } asOf)
        {
            throw new ValidationFailedException("asOf", "Say as of when to bill (an ISO 8601 instant, e.g. 2026-12-01T00:00:00Z).");
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        var run = await commands.RunAsync(new BillingRunRequest(asOf, body.Finalize ?? true, string.IsNullOrWhiteSpace(key) ? null : key), "api", user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/v1/billing-runs/{run.Id}", ToResponse(run));
    }

    private static async Task<Ok<ApiPage<RunResponse>>> ListRuns(IBillingQueries queries, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<RunResponse>.From(await queries.ListRunsAsync(PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetRun(Guid id, IBillingQueries queries, CancellationToken cancellationToken) =>
        await queries.FindRunAsync(new BillingRunId(id), cancellationToken) is { } run
            ? TypedResults.Ok(ToResponse(run))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Billing run {id} does not exist.", type: Problems.ProblemDetailsDefaults.TypeBase + "billing-run-not-found");

    private static async Task<Ok<ApiPage<InvoiceSummaryResponse>>> List(
        IBillingQueries queries, ClaimsPrincipal user, Guid? buyer, string? status, string? kind, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var filter = new InvoiceFilter(
            BuyerId: buyer is { } b ? new OrganisationId(b) : null,
            Status: ParseStatus(status),
            Kind: ParseKind(kind));
        var result = await queries.ListInvoicesAsync(filter, user.BillingCaller(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<InvoiceSummaryResponse>.From(result, ToResponse));
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> Get(Guid id, IBillingQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindInvoiceAsync(new InvoiceId(id), user.BillingCaller(), cancellationToken) is { } invoice
            ? TypedResults.Ok(ToResponse(invoice))
            : NotFound(id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(
        Guid id, IBillingQueries queries, [FromServices] IInvoiceDocuments documents, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindInvoiceAsync(new InvoiceId(id), user.BillingCaller(), cancellationToken) is { } invoice
            ? TypedResults.File(documents.RenderPdf(invoice), "application/pdf", FileName(invoice, "pdf"))
            : NotFound(id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Ubl(
        Guid id, IBillingQueries queries, [FromServices] IInvoiceDocuments documents, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindInvoiceAsync(new InvoiceId(id), user.BillingCaller(), cancellationToken) is { } invoice
            ? TypedResults.File(Encoding.UTF8.GetBytes(documents.RenderUbl(invoice)), "application/xml", FileName(invoice, "xml"))
            : NotFound(id);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Html(
        Guid id, IBillingQueries queries, [FromServices] IInvoiceDocuments documents, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindInvoiceAsync(new InvoiceId(id), user.BillingCaller(), cancellationToken) is { } invoice
            ? TypedResults.Content(documents.RenderHtml(invoice), "text/html; charset=utf-8")
            : NotFound(id);

    private static async Task<Ok<InvoiceResponse>> FinalizeInvoice(Guid id, IBillingCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.FinalizeAsync(new InvoiceId(id), user.Actor(), cancellationToken)));

    private static async Task<Ok<InvoiceResponse>> MarkPaid(Guid id, MarkPaidBody body, IBillingCommands commands, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.MarkPaidAsync(new InvoiceId(id), body.PaidAt ?? clock.GetUtcNow(), user.Actor(), cancellationToken)));

    private static async Task<Ok<InvoiceResponse>> VoidInvoice(Guid id, ReasonBody body, IBillingCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.VoidAsync(new InvoiceId(id), body.Reason ?? "", user.Actor(), cancellationToken)));

    private static async Task<Created<InvoiceResponse>> CreditNote(
        Guid id, CreditNoteBody body, IBillingCommands commands, IBillingQueries queries, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var invoice = await queries.FindInvoiceAsync(new InvoiceId(id), user.BillingCaller(), cancellationToken)
            ?? throw new DomainException("invoice-not-found", $"There is no invoice {id}.", DomainErrorKind.NotFound);
        var currency = Currency.FromCode(invoice.Currency);
        var validation = new Validation();
        var lines = new List<CreditNoteLineRequest>();
        for (var i = 0; i < (body.Lines?.Count ?? 0); i++)
        {
            var line = body.Lines![i];
            if (line.LineNumber is not { } number)
            {
                validation.Add($"lines[{i}].lineNumber", "Give the number of the line to credit.");
                continue;
            }

            Money? amount = null;
            if (line.Amount is { } text)
            {
                if (Money.TryParse(text.Trim(), currency, out var parsed))
                {
                    amount = parsed;
                }
                else
                {
                    validation.Add($"lines[{i}].amount", $"Give the amount as a decimal string with at most {currency.MinorUnits} decimals in {currency.Code}.");
                }
            }

            lines.Add(new CreditNoteLineRequest(number, amount));
        }

        validation.ThrowIfInvalid();
        var key = request.Headers["Idempotency-Key"].ToString();
        var note = await commands.IssueCreditNoteAsync(
            new InvoiceId(id), new CreditNoteRequest(body.Reason ?? "", lines.Count == 0 ? null : lines, string.IsNullOrWhiteSpace(key) ? null : key), user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/v1/invoices/{note.Id}", ToResponse(note));
    }

    private static async Task<Ok<IReadOnlyList<BilledRevenueResponse>>> BilledRevenue(
        IBillingQueries queries, ClaimsPrincipal user, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (from is not { } start || to is not { } end || end <= start)
        {
            throw new ValidationFailedException("to", "Give from and to as dates (YYYY-MM-DD), to after from.");
        }

        var rows = await queries.ListBilledRevenueAsync(user.OrganisationId(), start, end, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BilledRevenueResponse>>(rows.Select(r => new BilledRevenueResponse(
            r.InvoiceId.Value, r.Number, Wire(r.Kind), r.IssueDate, r.BuyerId.Value, r.BuyerName, r.BuyerCountry, r.ProductId.Value, r.ProductTitle, r.AgreementId?.Value,
            r.Dimension, r.Currency, r.Net.ToMajorString(), r.Tax.ToMajorString())).ToList());
    }

    public static BillingCaller BillingCaller(this ClaimsPrincipal user) => new(user.OrganisationId(), user.Role() ?? Roles.Buyer, user.Actor());

    private static RunResponse ToResponse(BillingRunDto r) => new(
        r.Id.Value, r.AsOf, r.Status.ToString().ToLowerInvariant(), r.Trigger, r.Actor, r.StartedAt, r.CompletedAt, r.AgreementsRated, r.PeriodsSkipped, r.InvoicesDrafted,
        r.InvoicesFinalized, r.LateUsageLines,
        r.Totals.Select(t => new RunTotalResponse(t.Currency, t.Invoices, t.Subtotal.ToMajorString(), t.TotalTax.ToMajorString(), t.Total.ToMajorString())).ToList(),
        r.Errors);

    private static InvoiceSummaryResponse ToResponse(InvoiceSummaryDto i) => new(
        i.Id.Value, Wire(i.Kind), i.Number, Wire(i.Status), i.BuyerId.Value, i.BuyerName, i.IssuerEntityCode, i.Currency, i.PeriodStart, i.PeriodEnd, i.IssueDate,
        i.Subtotal.ToMajorString(), i.TotalTax.ToMajorString(), i.Total.ToMajorString());

    private static InvoiceResponse ToResponse(InvoiceDto i) => new(
        i.Id.Value, Wire(i.Kind), i.Number, Wire(i.Status),
        new BuyerResponse(i.Buyer.Id.Value, i.Buyer.Name, i.Buyer.Address, i.Buyer.TaxId, i.Buyer.IsBusiness, i.Buyer.Email),
        new IssuerResponse(i.Issuer.EntityCode, i.Issuer.LegalName, i.Issuer.Address, i.Issuer.TaxRegistrations, i.Issuer.PaymentAccount),
        i.Currency, i.Language, i.PeriodStart, i.PeriodEnd, i.IssueDate, i.DueDate,
        i.Lines.Select(l => new LineResponse(
            l.LineNumber, Wire(l.Kind), l.AgreementId?.Value, l.ProductId?.Value, l.ProductTitle, l.Dimension, l.Description, l.Quantity, l.Unit, l.UnitPrice,
            l.Amount.ToMajorString(), l.Tax.TaxAmount.ToMajorString(), (l.Amount + l.Tax.TaxAmount).ToMajorString(), l.ServiceStart, l.ServiceEnd, l.TaxCode,
            new LineTaxResponse(l.Tax.Jurisdiction, l.Tax.TaxType, l.Tax.Rate, l.Tax.Treatment, l.Tax.Category, l.Tax.TaxAmount.ToMajorString(), l.Tax.Note),
            l.Steps)).ToList(),
        i.TaxSubtotals.Select(s => new TaxSubtotalResponse(
            s.Category, s.Rate, s.TaxType, s.Jurisdiction, s.TaxableAmount.ToMajorString(), s.TaxAmount.ToMajorString(), s.ExemptionReason,
            s.TaxAmountInTaxCurrency is { } converted ? MoneyDto.From(converted) : null)).ToList(),
        i.Subtotal.ToMajorString(), i.TotalTax.ToMajorString(), i.Total.ToMajorString(), i.TaxCurrency,
        i.TotalTaxInTaxCurrency is { } taxInTaxCurrency ? MoneyDto.From(taxInTaxCurrency) : null,
        i.Conversion, i.PaymentReference, i.CorrectsInvoiceId?.Value, i.CorrectsInvoiceNumber, i.Legends, i.CreatedAt, i.FinalizedAt, i.PaidAt, i.VoidedAt);

    private static string FileName(InvoiceDto invoice, string extension) => $"{invoice.Number ?? "draft-" + invoice.Id}.{extension}";

    public static string Wire(InvoiceKind kind) => kind == InvoiceKind.CreditNote ? "credit_note" : "invoice";

    public static string Wire(InvoiceStatus status) => status.ToString().ToLowerInvariant();

    public static string Wire(InvoiceLineKind kind) => kind switch
    {
        InvoiceLineKind.LateUsage => "late_usage",
        InvoiceLineKind.ContractFee => "contract_fee",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static InvoiceStatus? ParseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "draft" => InvoiceStatus.Draft,
        "finalized" => InvoiceStatus.Finalized,
        "paid" => InvoiceStatus.Paid,
        "void" => InvoiceStatus.Void,
        _ => throw new ValidationFailedException("status", "Use draft, finalized, paid or void."),
    };

    private static InvoiceKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "invoice" => InvoiceKind.Invoice,
        "credit_note" => InvoiceKind.CreditNote,
        _ => throw new ValidationFailedException("kind", "Use invoice or credit_note."),
    };

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"Invoice {id} does not exist.",
        type: Problems.ProblemDetailsDefaults.TypeBase + "invoice-not-found");
}

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
/// Collections by bank: SEPA direct-debit mandates (buyers sign their own; the operator sees all), pain.008.001.08
/// batches, the RF transfer reference of an invoice, and camt.053.001.08 statement imports with the unmatched queue.
/// Money is a decimal string with the currency's minor digits.
/// </summary>
internal static class BankCollectionsApi
{
    private const long MaxStatementBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapBankCollectionsApi(this RouteGroupBuilder api)
    {
        var mandates = api.MapGroup("/sepa-mandates").WithTags("SEPA direct debit").RequireAuthorization();
        mandates.MapPost("/", CreateMandate).RequireAuthorization(Policies.Buyer)
            .WithSummary("Sign a SEPA Core direct-debit mandate for your organisation (buyers; accepted must be true)");
        mandates.MapGet("/", ListMandates).WithSummary("Mandates, newest first: your own (buyers) or every buyer's (operator)");
        mandates.MapGet("/{id:guid}", GetMandate).WithSummary("One mandate");
        mandates.MapPost("/{id:guid}/revoke", RevokeMandate).WithSummary("Revoke a mandate: scheduled collections under it are cancelled");

        var batches = api.MapGroup("/direct-debit-batches").WithTags("SEPA direct debit").RequireAuthorization(Policies.Operator);
        batches.MapPost("/", CreateBatches).WithSummary("Build one pain.008.001.08 batch per entity and collection date from the collections due by dueBy (default today)");
        batches.MapGet("/", ListBatches).WithSummary("Batches, newest first");
        batches.MapGet("/collections", ListCollections).WithSummary("Direct-debit collections, soonest due first; filter by status");
        batches.MapGet("/{id:guid}", GetBatch).WithSummary("One batch with its collections");
        batches.MapGet("/{id:guid}/file", BatchFile).WithSummary("The batch's pain.008.001.08 XML file");
        batches.MapPost("/{id:guid}/settle", SettleBatch).WithSummary("The bank collected the batch: its invoices are marked paid");

        api.MapGet("/invoices/{id:guid}/bank-transfer", TransferDetails).WithTags("Bank transfer").RequireAuthorization()
            .WithSummary("How to pay an invoice by bank transfer: the RF creditor reference (ISO 11649) and the account (the invoice's buyer or the operator)");

        var statements = api.MapGroup("/bank-statements").WithTags("Bank transfer").RequireAuthorization(Policies.Operator);
        statements.MapPost("/", ImportStatement).Accepts<IFormFile>("multipart/form-data", "application/xml", "text/xml")
            .WithSummary("Import a camt.053.001.08 statement (XML body, or multipart field 'file'): credits are matched to invoices by RF reference, then invoice number, with exact amount; the rest is queued. Idempotent.");
        statements.MapGet("/", ListStatements).WithSummary("Imported statements, newest first");
        statements.MapGet("/unmatched", ListUnmatched).WithSummary("The unmatched queue, oldest first; all=true includes resolved items");
        statements.MapPost("/unmatched/{id:guid}/assign", AssignEntry).WithSummary("Apply an unmatched credit to an invoice of the same currency and amount");
        statements.MapPost("/unmatched/{id:guid}/dismiss", DismissEntry).WithSummary("Set an unmatched credit aside with a note");
        return api;
    }

    public sealed record MandateRequest(string? DebtorName, string? Iban, string? Bic, bool Accepted, string? EntityCode);

    public sealed record MandateResponse(
        Guid Id, string Reference, Guid BuyerId, string DebtorName, string Iban, string? Bic, DateOnly SignedOn, string Entity, string CreditorId, string CreditorName,
        string Status, string NextSequenceType, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record BatchRequest(DateOnly? DueBy, string? Entity);

    public sealed record SettleRequest(DateTimeOffset? SettledAt);

    public sealed record CollectionResponse(
        Guid InvoiceId, string InvoiceNumber, Guid BuyerId, Guid MandateId, string MandateReference, string Entity, string Amount, string Currency, DateOnly DueDate,
        string Status, string? SequenceType, Guid? BatchId, string EndToEndId);

    public sealed record BatchResponse(
        Guid Id, string Entity, DateOnly CollectionDate, string MessageId, string Status, int NumberOfTransactions, string Total, string Currency,
        DateTimeOffset CreatedAt, DateTimeOffset? SettledAt, IReadOnlyList<CollectionResponse> Collections);

    public sealed record TransferResponse(
        Guid InvoiceId, string InvoiceNumber, string Reference, string ReferencePrint, string Amount, string Currency, string Entity, string? AccountHolder, string? Iban, string? Bic, bool Paid);

    public sealed record StatementResponse(Guid Id, string StatementId, string MessageId, string? AccountIban, DateTimeOffset ImportedAt, string Actor, int Entries, int Matched, int Unmatched);

    public sealed record EntryResponse(
        Guid Id, string StatementId, string EntryReference, DateOnly? BookingDate, string Amount, string Currency, string? Reference, string? Remittance, string? DebtorName,
        string Status, string? Reason, Guid? InvoiceId, string? InvoiceNumber, string? Note, DateTimeOffset? ResolvedAt);

    public sealed record ImportResponse(StatementResponse Statement, int Matched, int Unmatched, int AlreadyImported, int Debits, IReadOnlyList<EntryResponse> Entries);

    public sealed record AssignRequest(Guid? InvoiceId, string? Note);

    public sealed record DismissRequest(string? Note);

    private static async Task<Created<MandateResponse>> CreateMandate(MandateRequest request, IBankCollectionCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mandate = await commands.CreateMandateAsync(
            user.OrganisationId(), new NewSepaMandate(request.DebtorName ?? "", request.Iban ?? "", request.Bic, request.Accepted, request.EntityCode), user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/v1/sepa-mandates/{mandate.Id}", ToResponse(mandate));
    }

    private static async Task<Ok<ApiPage<MandateResponse>>> ListMandates(IBankCollectionQueries queries, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<MandateResponse>.From(await queries.ListMandatesAsync(BuyerScope(user), PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static async Task<Ok<MandateResponse>> GetMandate(Guid id, IBankCollectionQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindMandateAsync(SepaMandateId.From(id), BuyerScope(user), cancellationToken) is { } mandate
            ? TypedResults.Ok(ToResponse(mandate))
            : throw new DomainException("sepa-mandate-not-found", $"There is no mandate {id}.", DomainErrorKind.NotFound);

    private static async Task<Ok<MandateResponse>> RevokeMandate(Guid id, IBankCollectionCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.RevokeMandateAsync(SepaMandateId.From(id), BuyerScope(user), user.Actor(), cancellationToken)));

    private static async Task<Created<IReadOnlyList<BatchResponse>>> CreateBatches(BatchRequest? request, IBankCollectionCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var batches = await commands.CreateBatchesAsync(new NewDirectDebitBatches(request?.DueBy, request?.Entity), user.Actor(), cancellationToken);
        return TypedResults.Created("/api/v1/direct-debit-batches", (IReadOnlyList<BatchResponse>)batches.Select(ToResponse).ToList());
    }

    private static async Task<Ok<ApiPage<BatchResponse>>> ListBatches(IBankCollectionQueries queries, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<BatchResponse>.From(await queries.ListBatchesAsync(PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static async Task<Ok<ApiPage<CollectionResponse>>> ListCollections(IBankCollectionQueries queries, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        DirectDebitCollectionStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            filter = Enum.TryParse<DirectDebitCollectionStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ValidationFailedException("status", "The status is scheduled, batched, settled or cancelled.");
        }

        return TypedResults.Ok(ApiPage<CollectionResponse>.From(await queries.ListCollectionsAsync(filter, PageRequest.From(page, pageSize), cancellationToken), ToResponse));
    }

    private static async Task<Ok<BatchResponse>> GetBatch(Guid id, IBankCollectionQueries queries, CancellationToken cancellationToken) =>
        await queries.FindBatchAsync(DirectDebitBatchId.From(id), cancellationToken) is { } batch
            ? TypedResults.Ok(ToResponse(batch))
            : throw BatchNotFound(id);

    private static async Task<FileContentHttpResult> BatchFile(Guid id, IBankCollectionQueries queries, CancellationToken cancellationToken)
    {
        var batch = await queries.FindBatchAsync(DirectDebitBatchId.From(id), cancellationToken) ?? throw BatchNotFound(id);
        var xml = await queries.GetBatchFileAsync(batch.Id, cancellationToken) ?? throw BatchNotFound(id);
        return TypedResults.File(Encoding.UTF8.GetBytes(xml), "application/xml", $"{batch.MessageId}.xml");
    }

    private static async Task<Ok<BatchResponse>> SettleBatch(Guid id, SettleRequest? request, IBankCollectionCommands commands, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.SettleBatchAsync(DirectDebitBatchId.From(id), request?.SettledAt ?? clock.GetUtcNow(), user.Actor(), cancellationToken)));

    private static async Task<Ok<TransferResponse>> TransferDetails(
        Guid id, IBankCollectionQueries queries, Contracts.Billing.IBillingQueries billing, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // Visibility is the invoice's: a buyer sees its own, the operator all; anything else is "not found".
        var caller = new Contracts.Billing.BillingCaller(user.OrganisationId(), user.Role() ?? "", user.Actor());
        var invoice = await billing.FindInvoiceAsync(InvoiceId.From(id), caller, cancellationToken);
        if (invoice is null || user.IsInRole(Roles.Seller) || await queries.FindTransferDetailsAsync(invoice.Id, cancellationToken) is not { } details)
        {
            throw new DomainException("invoice-not-found", $"There is no payable invoice {id}.", DomainErrorKind.NotFound);
        }

        return TypedResults.Ok(new TransferResponse(
            details.InvoiceId.Value, details.InvoiceNumber, details.RfReference, details.RfReferencePrint, details.Amount.ToMajorString(), details.Amount.Currency.Code,
            details.EntityCode, details.AccountHolder, details.Iban, details.Bic, details.Paid));
    }

    private static async Task<Ok<ImportResponse>> ImportStatement(HttpRequest request, IBankCollectionCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        string xml;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
            if (file is null || file.Length == 0 || file.Length > MaxStatementBytes)
            {
                throw new ValidationFailedException("file", "Attach one camt.053.001.08 XML file (up to 16 MB) as the form field 'file'.");
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            xml = await reader.ReadToEndAsync(cancellationToken);
        }
        else
        {
            if (request.ContentLength is > MaxStatementBytes)
            {
                throw new ValidationFailedException("file", "A statement is at most 16 MB.");
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            xml = await reader.ReadToEndAsync(cancellationToken);
        }

        var result = await commands.ImportStatementAsync(xml, user.Actor(), cancellationToken);
        return TypedResults.Ok(new ImportResponse(ToResponse(result.Statement), result.Matched, result.Unmatched, result.AlreadyImported, result.Debits, result.Entries.Select(ToResponse).ToList()));
    }

    private static async Task<Ok<ApiPage<StatementResponse>>> ListStatements(IBankCollectionQueries queries, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<StatementResponse>.From(await queries.ListStatementsAsync(PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static async Task<Ok<ApiPage<EntryResponse>>> ListUnmatched(IBankCollectionQueries queries, bool? all, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<EntryResponse>.From(await queries.ListUnmatchedAsync(all ?? false, PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static async Task<Ok<EntryResponse>> AssignEntry(Guid id, AssignRequest request, IBankCollectionCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.InvoiceId is not { } invoiceId || invoiceId == Guid.Empty)
        {
            throw new ValidationFailedException("invoiceId", "Name the invoice the credit pays.");
        }

        return TypedResults.Ok(ToResponse(await commands.AssignEntryAsync(BankStatementEntryId.From(id), InvoiceId.From(invoiceId), request.Note, user.Actor(), cancellationToken)));
    }

    private static async Task<Ok<EntryResponse>> DismissEntry(Guid id, DismissRequest request, IBankCollectionCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.DismissEntryAsync(BankStatementEntryId.From(id), request.Note ?? "", user.Actor(), cancellationToken)));

    /// <summary>A buyer acts on its own mandates; the operator on everyone's; sellers on none.</summary>
    private static OrganisationId? BuyerScope(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Operator) ? null
        : user.IsInRole(Roles.Buyer) ? user.OrganisationId()
        : throw new DomainException("forbidden", "Only buyers and the operator see SEPA mandates.", DomainErrorKind.Forbidden);

    private static DomainException BatchNotFound(Guid id) => new("direct-debit-batch-not-found", $"There is no direct-debit batch {id}.", DomainErrorKind.NotFound);

    private static string Wire<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }

    private static MandateResponse ToResponse(SepaMandateDto m) => new(
        m.Id.Value, m.Reference, m.BuyerId.Value, m.DebtorName, m.IbanMasked, m.Bic, m.SignedOn, m.EntityCode, m.CreditorId, m.CreditorName, Wire(m.Status), m.NextSequenceType, m.CreatedAt, m.RevokedAt);

    private static CollectionResponse ToResponse(DirectDebitCollectionDto c) => new(
        c.InvoiceId.Value, c.InvoiceNumber, c.BuyerId.Value, c.MandateId.Value, c.MandateReference, c.EntityCode, c.Amount.ToMajorString(), c.Amount.Currency.Code, c.DueDate,
        Wire(c.Status), c.SequenceType, c.BatchId?.Value, c.EndToEndId);

    private static BatchResponse ToResponse(DirectDebitBatchDto b) => new(
        b.Id.Value, b.EntityCode, b.CollectionDate, b.MessageId, Wire(b.Status), b.NumberOfTransactions, b.Total.ToMajorString(), b.Total.Currency.Code, b.CreatedAt, b.SettledAt,
        b.Collections.Select(ToResponse).ToList());

    private static StatementResponse ToResponse(BankStatementDto s) => new(s.Id, s.StatementId, s.MessageId, s.AccountIban, s.ImportedAt, s.Actor, s.Entries, s.Matched, s.Unmatched);

    private static EntryResponse ToResponse(StatementEntryDto e) => new(
        e.Id.Value, e.StatementId, e.EntryReference, e.BookingDate, e.Amount.ToMajorString(), e.Amount.Currency.Code, e.Reference, e.Remittance, e.DebtorName,
        Wire(e.Status), e.Reason, e.InvoiceId?.Value, e.InvoiceNumber, e.Note, e.ResolvedAt);
}

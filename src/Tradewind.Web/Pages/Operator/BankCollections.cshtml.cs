using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator;

/// <summary>
/// Bank collections for the operator: build and settle SEPA direct-debit batches (download their pain.008 files),
/// import camt.053 statements, and work the unmatched queue (assign a credit to an invoice by its number, or dismiss it
/// with a note).
/// </summary>
internal sealed class BankCollectionsModel(
    IBankCollectionQueries queries, IBankCollectionCommands commands, IBillingQueries billing, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const long MaxStatementBytes = 16 * 1024 * 1024;

    public IReadOnlyList<DirectDebitBatchDto> Batches { get; private set; } = [];

    public IReadOnlyList<DirectDebitCollectionDto> Scheduled { get; private set; } = [];

    public IReadOnlyList<BankStatementDto> Statements { get; private set; } = [];

    public IReadOnlyList<StatementEntryDto> Unmatched { get; private set; } = [];

    public string? StatusMessage { get; private set; }

    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        StatusMessage = status;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken cancellationToken)
    {
        var batchId = DirectDebitBatchId.From(id == Guid.Empty ? Guid.NewGuid() : id);
        return await queries.FindBatchAsync(batchId, cancellationToken) is { } batch && await queries.GetBatchFileAsync(batchId, cancellationToken) is { } xml
            ? File(Encoding.UTF8.GetBytes(xml), "application/xml", batch.MessageId + ".xml")
            : NotFound();
    }

    public Task<IActionResult> OnPostBatchesAsync(string? dueBy, CancellationToken cancellationToken) => RunAsync(
        async () =>
        {
            DateOnly? day = DateOnly.TryParseExact(dueBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var batches = await commands.CreateBatchesAsync(new NewDirectDebitBatches(day, null), User.Actor(), cancellationToken);
            return localizer["{0} batches built.", batches.Count];
        },
        cancellationToken);

    public Task<IActionResult> OnPostSettleAsync(Guid id, CancellationToken cancellationToken) => RunAsync(
        async () =>
        {
            var batch = await commands.SettleBatchAsync(DirectDebitBatchId.From(id), clock.GetUtcNow(), User.Actor(), cancellationToken);
            return localizer["Batch {0} is settled; its invoices are paid.", batch.MessageId];
        },
        cancellationToken);

    public Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken) => RunAsync(
        async () =>
        {
            if (file is null || file.Length == 0 || file.Length > MaxStatementBytes)
            {
                throw new ValidationFailedException("file", localizer["Choose a camt.053 XML file (up to 16 MB)."]);
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            var result = await commands.ImportStatementAsync(await reader.ReadToEndAsync(cancellationToken), User.Actor(), cancellationToken);
            return localizer["Statement {0}: {1} matched, {2} unmatched, {3} already imported.", result.Statement.StatementId, result.Matched, result.Unmatched, result.AlreadyImported];
        },
        cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? invoiceNumber, string? note, CancellationToken cancellationToken) => RunAsync(
        async () =>
        {
            var number = invoiceNumber?.Trim() ?? "";
            var matches = number.Length == 0
                ? []
                : (await billing.ListInvoicesAsync(new InvoiceFilter(Number: number, Kind: InvoiceKind.Invoice), InvoiceLabelsCaller(), PageRequest.From(1, 2), cancellationToken)).Items;
            var found = matches.Count > 0 ? matches[0] : null;
            if (found is null)
            {
                throw new ValidationFailedException("invoiceNumber", localizer["There is no invoice {0}.", number]);
            }

            await commands.AssignEntryAsync(BankStatementEntryId.From(id), found.Id, note, User.Actor(), cancellationToken);
            return localizer["The credit is applied to invoice {0}.", found.Number ?? number];
        },
        cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid id, string? note, CancellationToken cancellationToken) => RunAsync(
        async () =>
        {
            await commands.DismissEntryAsync(BankStatementEntryId.From(id), note ?? "", User.Actor(), cancellationToken);
            return localizer["The credit is set aside."];
        },
        cancellationToken);

    private BillingCaller InvoiceLabelsCaller() => new(User.OrganisationId(), Contracts.Accounts.Roles.Operator, User.Actor());

    private async Task<IActionResult> RunAsync(Func<Task<LocalizedString>> action, CancellationToken cancellationToken)
    {
        try
        {
            var message = await action();
            return RedirectToPage(new { status = message.Value });
        }
        catch (DomainException exception)
        {
            ErrorMessage = FieldErrors.Sentence(exception);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Batches = (await queries.ListBatchesAsync(PageRequest.From(1, 20), cancellationToken)).Items;
        Scheduled = (await queries.ListCollectionsAsync(DirectDebitCollectionStatus.Scheduled, PageRequest.From(1, 50), cancellationToken)).Items;
        Statements = (await queries.ListStatementsAsync(PageRequest.From(1, 20), cancellationToken)).Items;
        Unmatched = (await queries.ListUnmatchedAsync(false, PageRequest.From(1, 100), cancellationToken)).Items;
    }
}

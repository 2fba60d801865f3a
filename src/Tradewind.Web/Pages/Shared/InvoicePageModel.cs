using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Pages.Shared;

/// <summary>
/// A page showing one billing document to whoever may see it (the billing queries scope by caller), with the document
/// as PDF (<c>?handler=pdf</c>), UBL 2.1 XML (<c>?handler=ubl</c>) and a printable page (<c>?handler=print</c>).
/// </summary>
internal abstract class InvoicePageModel(IBillingQueries billing, IInvoiceDocuments documents) : PageModel
{
    public InvoiceDto Invoice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? File(documents.RenderPdf(Invoice), "application/pdf", InvoiceFiles.Name(Invoice, "pdf"))
            : NotFound();

    public async Task<IActionResult> OnGetUblAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? File(Encoding.UTF8.GetBytes(documents.RenderUbl(Invoice)), "application/xml", InvoiceFiles.Name(Invoice, "xml"))
            : NotFound();

    public async Task<IActionResult> OnGetPrintAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Content(documents.RenderHtml(Invoice), "text/html; charset=utf-8")
            : NotFound();

    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (id == Guid.Empty || await billing.FindInvoiceAsync(InvoiceId.From(id), InvoiceLabels.Caller(User), cancellationToken) is not { } invoice)
        {
            return false;
        }

        Invoice = invoice;
        return true;
    }
}

using Tradewind.Contracts.Billing;

namespace Tradewind.Web.Pages.Shared;

/// <summary>File names for downloaded documents: the number when issued, else "draft-" and the id.</summary>
internal static class InvoiceFiles
{
    public static string Name(InvoiceDto invoice, string extension) =>
        $"{invoice.Number ?? $"draft-{invoice.Id}"}.{extension}";
}

/// <summary>An invoice shown in a portal: the document, its own address (downloads are handlers on it) and the list it belongs to.</summary>
internal sealed record InvoiceView(InvoiceDto Invoice, string Url, string ListUrl);

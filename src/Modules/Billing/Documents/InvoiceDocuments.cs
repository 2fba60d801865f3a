using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Documents;

/// <summary>Renders a billing document in its buyer's language as HTML, PDF and UBL 2.1 (Peppol BIS Billing 3.0).</summary>
/// <remarks>Stateless and thread-safe; the PDF fonts are loaded once per process (<see cref="InvoiceFonts"/>).</remarks>
internal sealed class InvoiceDocuments : IInvoiceDocuments
{
    public string RenderHtml(InvoiceDto invoice) => HtmlInvoiceRenderer.Render(InvoiceView.From(invoice, new InvoiceText(invoice.Language)));

    public byte[] RenderPdf(InvoiceDto invoice) => PdfInvoiceRenderer.Render(InvoiceView.From(invoice, new InvoiceText(invoice.Language)));

    public string RenderUbl(InvoiceDto invoice) => UblInvoiceWriter.Write(invoice, new InvoiceText(invoice.Language));
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tradewind.Billing.Documents;

/// <summary>
/// Writes an <see cref="InvoiceView"/> as one complete, printable HTML page: inline CSS, no scripts, no external
/// resources, <c>lang</c> = the document's language, every text HTML-encoded.
/// </summary>
internal static class HtmlInvoiceRenderer
{
    /// <summary>Encodes markup characters only, so Japanese, Korean and accented text stays readable in the source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Styles = """
        @page { size: A4; margin: 16mm; }
        body { font-family: "Noto Sans CJK JP", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 20pt; margin: 0 0 4mm; }
        h2 { font-size: 11pt; margin: 6mm 0 2mm; }
        .draft { color: #a00; font-weight: bold; border: 1px solid #a00; padding: 2mm; }
        .parties { display: flex; gap: 10mm; margin: 4mm 0; }
        .party { flex: 1; }
        .party p { margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #ccc; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        .detail { color: #555; font-size: 9pt; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
        dl.meta dt { font-weight: bold; }
        dl.meta dd { margin: 0; }
        table.totals { width: auto; margin-left: auto; }
        table.totals tr:last-child th, table.totals tr:last-child td { font-weight: bold; }
        .legends p { margin: 1mm 0; }
        """;

    public static string Render(InvoiceView view)
    {
        var e = Encoder;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(e.Encode(view.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(e.Encode(view.Title + " " + view.Header[0].Value)).Append("</title>\n<style>\n").Append(Styles).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(e.Encode(view.Title)).Append("</h1>\n");
        if (view.DraftNotice is { } draft)
        {
            html.Append("<p class=\"draft\">").Append(e.Encode(draft)).Append("</p>\n");
        }

        html.Append("<dl class=\"meta\">\n");
        foreach (var item in view.Header)
        {
            html.Append("<dt>").Append(e.Encode(item.Label)).Append("</dt><dd>").Append(e.Encode(item.Value)).Append("</dd>\n");
        }

        html.Append("</dl>\n<div class=\"parties\">\n");
        Party(html, view.Supplier, e);
        Party(html, view.Customer, e);
        html.Append("</div>\n<table class=\"lines\">\n<thead><tr>");
        for (var i = 0; i < view.LineColumns.Count; i++)
        {
            html.Append(i >= 3 ? "<th class=\"num\">" : "<th>").Append(e.Encode(view.LineColumns[i])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var line in view.Lines)
        {
            html.Append("<tr><td>").Append(e.Encode(line.Number)).Append("</td><td>").Append(e.Encode(line.Description));
            if (line.Detail.Length > 0)
            {
                html.Append("<br><span class=\"detail\">").Append(e.Encode(line.Detail)).Append("</span>");
            }

            html.Append("</td><td>").Append(e.Encode(line.Period))
                .Append("</td><td class=\"num\">").Append(e.Encode(line.Quantity))
                .Append("</td><td class=\"num\">").Append(e.Encode(line.UnitPrice))
                .Append("</td><td class=\"num\">").Append(e.Encode(line.Amount))
                .Append("</td><td class=\"num\">").Append(e.Encode(line.TaxRate)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<h2>").Append(e.Encode(view.TaxSummaryTitle)).Append("</h2>\n<table class=\"tax\">\n<thead><tr>");
        for (var i = 0; i < view.TaxColumns.Count; i++)
        {
            html.Append(i > 0 ? "<th class=\"num\">" : "<th>").Append(e.Encode(view.TaxColumns[i])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in view.TaxRows)
        {
            html.Append("<tr><td>").Append(e.Encode(row.Label)).Append("</td><td class=\"num\">").Append(e.Encode(row.TaxableAmount))
                .Append("</td><td class=\"num\">").Append(e.Encode(row.TaxAmount)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<table class=\"totals\">\n");
        foreach (var total in view.Totals)
        {
            html.Append("<tr><th>").Append(e.Encode(total.Label)).Append("</th><td class=\"num\">").Append(e.Encode(total.Value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (view.Legends.Count > 0)
        {
            html.Append("<div class=\"legends\">\n");
            foreach (var legend in view.Legends)
            {
                html.Append("<p>").Append(e.Encode(legend)).Append("</p>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("<h2>").Append(e.Encode(view.PaymentTitle)).Append("</h2>\n<p>").Append(e.Encode(view.PaymentTerms)).Append("</p>\n");
        if (view.Payment.Count > 0)
        {
            html.Append("<dl class=\"meta\">\n");
            foreach (var item in view.Payment)
            {
                html.Append("<dt>").Append(e.Encode(item.Label)).Append("</dt><dd>").Append(e.Encode(item.Value)).Append("</dd>\n");
            }

            html.Append("</dl>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Party(StringBuilder html, PartyView party, HtmlEncoder e)
    {
        html.Append("<section class=\"party\">\n<h2>").Append(e.Encode(party.Heading)).Append("</h2>\n<p><strong>").Append(e.Encode(party.Name)).Append("</strong></p>\n");
        foreach (var line in party.AddressLines)
        {
            html.Append("<p>").Append(e.Encode(line)).Append("</p>\n");
        }

        foreach (var id in party.Identifiers)
        {
            html.Append("<p>").Append(e.Encode(id)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }
}

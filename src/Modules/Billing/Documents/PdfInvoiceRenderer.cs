using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Tradewind.Billing.Documents;

/// <summary>
/// Lays out an <see cref="InvoiceView"/> on A4 pages with PDFsharp: title, document details, supplier and customer,
/// the lines table (repeated header on each page), tax per rate, totals, legends, payment instructions and page
/// numbers. Text with Japanese or Korean characters is set in the language's CJK face (IPAGothic, NanumGothic, or
/// Noto Sans CJK where they are missing), other text in DejaVu Sans (<see cref="InvoiceFonts"/>).
/// </summary>
internal sealed class PdfInvoiceRenderer : IDisposable
{
    private const double Margin = 42;
    private const double LineGap = 2.5;
    private static readonly double[] LineColumnWidths = [16, 140, 92, 52, 64, 68, 79];
    private static readonly double[] TaxColumnWidths = [200, 120, 120];

    private readonly InvoiceView _view;
    private readonly PdfDocument _document = new();
    private readonly Dictionary<(string Family, double Size, bool Bold), XFont> _fonts = [];
    private XGraphics? _graphics;
    private double _y;
    private bool _usedCjk;

    private PdfInvoiceRenderer(InvoiceView view)
    {
        _view = view;
    }

    private XGraphics G => _graphics ?? throw new InvalidOperationException("No page is open.");

    private static double PageWidth => XUnit.FromMillimeter(210).Point;

    private static double PageHeight => XUnit.FromMillimeter(297).Point;

    private static double ContentWidth => PageWidth - (2 * Margin);

    public static byte[] Render(InvoiceView view)
    {
        InvoiceFonts.EnsureInstalled();
        using var renderer = new PdfInvoiceRenderer(view);
        return renderer.Write();
    }

    private byte[] Write()
    {
        _document.Info.Title = _view.Title + " " + _view.Header[0].Value;
        _document.Info.Creator = "Tradewind";
        _document.Language = _view.Language;
        NewPage();

        Text(_view.Title, 20, bold: true);
        if (_view.DraftNotice is { } draft)
        {
            Text(draft, 11, bold: true, XBrushes.DarkRed);
        }

        _y += 6;
        LabelledRows(_view.Header, 9);
        _y += 10;
        Parties();
        _y += 12;
        LinesTable();
        _y += 12;
        Heading(_view.TaxSummaryTitle);
        TaxTable();
        _y += 8;
        Totals();
        if (_view.Legends.Count > 0)
        {
            _y += 10;
            foreach (var legend in _view.Legends)
            {
                Text(legend, 9);
            }
        }

        _y += 10;
        Heading(_view.PaymentTitle);
        Text(_view.PaymentTerms, 9);
        LabelledRows(_view.Payment, 9);

        _graphics?.Dispose();
        _graphics = null;
        PageNumbers();

        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return _usedCjk ? DeclareOpenTypeFontFiles(stream) : stream.ToArray();
    }

    /// <summary>
    /// PDFsharp declares every embedded font a TrueType CID font (<c>/CIDFontType2</c>, data under <c>/FontFile2</c>),
    /// also Noto Sans CJK (the fallback CJK font), whose outlines are CFF. ISO 32000-1 (9.7.4, 9.9) wants such a font declared
    /// <c>/CIDFontType0</c> with its OpenType data under <c>/FontFile3</c>, <c>/Subtype /OpenType</c>; strict readers
    /// reject the mismatch. The saved document is corrected here (its glyph ids stay the CIDs, Identity-H).
    /// </summary>
    private static byte[] DeclareOpenTypeFontFiles(MemoryStream saved)
    {
        saved.Position = 0;
        using var document = PdfReader.Open(saved, PdfDocumentOpenMode.Modify);
        var corrected = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        foreach (var page in document.Pages)
        {
            var fonts = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
            foreach (var key in fonts?.Elements.Keys ?? [])
            {
                var descendants = fonts!.Elements.GetDictionary(key)?.Elements.GetArray("/DescendantFonts");
                if (descendants?.Elements.GetDictionary(0) is not { } cidFont
                    || !corrected.Add(cidFont)
                    || cidFont.Elements.GetDictionary("/FontDescriptor") is not { } descriptor
                    || descriptor.Elements["/FontFile2"] is not PdfReference fontFileReference
                    || fontFileReference.Value is not PdfDictionary { Stream: { } stream } fontFile
                    || !IsOpenTypeCff(stream))
                {
                    continue;
                }

                cidFont.Elements["/Subtype"] = new PdfName("/CIDFontType0");
                cidFont.Elements.Remove("/CIDToGIDMap");
                descriptor.Elements.Remove("/FontFile2");
                descriptor.Elements["/FontFile3"] = fontFileReference;
                fontFile.Elements["/Subtype"] = new PdfName("/OpenType");
            }
        }

        using var fixedStream = new MemoryStream();
        document.Save(fixedStream, closeStream: false);
        return fixedStream.ToArray();
    }

    /// <summary>Whether a font file stream holds OpenType with CFF outlines (its data starts with <c>OTTO</c>).</summary>
    private static bool IsOpenTypeCff(PdfDictionary.PdfStream stream)
    {
        var data = stream.UnfilteredValue;
        return data.Length >= 4 && data[0] == 'O' && data[1] == 'T' && data[2] == 'T' && data[3] == 'O';
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void EnsureRoom(double height, Action? repeatHeader = null)
    {
        if (_y + height <= PageHeight - Margin - 20)
        {
            return;
        }

        NewPage();
        repeatHeader?.Invoke();
    }

    private XFont Font(string text, double size, bool bold)
    {
        var family = !InvoiceFonts.NeedsCjk(text) && InvoiceFonts.HasLatinFont
            ? InvoiceFonts.LatinFamily
            : string.Equals(_view.Language, "ko", StringComparison.Ordinal) ? InvoiceFonts.KoreanFamily : InvoiceFonts.JapaneseFamily;
        _usedCjk |= family != InvoiceFonts.LatinFamily;
        // CJK text is set regular: with the Noto fallback a simulated bold face would be embedded whole a second time (see InvoiceFonts).
        bold &= family == InvoiceFonts.LatinFamily;
        var key = (family, size, bold);
        if (!_fonts.TryGetValue(key, out var font))
        {
            // Unicode encoding (Identity-H with a ToUnicode map) for every font: all scripts and symbols (₹, ₩) print,
            // and the text can be searched and copied from the PDF.
            font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[key] = font;
        }

        return font;
    }

    private void Heading(string text)
    {
        EnsureRoom(30);
        Text(text, 11, bold: true);
        _y += 2;
    }

    /// <summary>Writes wrapped text at the left margin across the content width and moves down.</summary>
    private void Text(string text, double size, bool bold = false, XBrush? brush = null)
    {
        var font = Font(text, size, bold);
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            EnsureRoom(size + LineGap);
            G.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin, _y, ContentWidth, size + LineGap), XStringFormats.TopLeft);
            _y += size + LineGap;
        }
    }

    private void LabelledRows(IReadOnlyList<LabelledValue> rows, double size)
    {
        const double labelWidth = 170;
        foreach (var row in rows)
        {
            var labelFont = Font(row.Label, size, bold: true);
            var valueFont = Font(row.Value, size, bold: false);
            var labelLines = Wrap(row.Label, labelFont, labelWidth - 6);
            var valueLines = Wrap(row.Value, valueFont, ContentWidth - labelWidth);
            var height = Math.Max(labelLines.Count, valueLines.Count) * (size + LineGap);
            EnsureRoom(height);
            DrawLines(labelLines, labelFont, Margin, _y, labelWidth - 6, size, XStringFormats.TopLeft);
            DrawLines(valueLines, valueFont, Margin + labelWidth, _y, ContentWidth - labelWidth, size, XStringFormats.TopLeft);
            _y += height;
        }
    }

    private void Parties()
    {
        var half = (ContentWidth - 20) / 2;
        var top = _y;
        var left = Party(_view.Supplier, Margin, top, half);
        var right = Party(_view.Customer, Margin + half + 20, top, half);
        _y = Math.Max(left, right);
    }

    private double Party(PartyView party, double x, double top, double width)
    {
        var y = top;
        var lines = new List<(string Text, bool Bold, double Size)> { (party.Heading, true, 10), (party.Name, true, 9) };
        lines.AddRange(party.AddressLines.Select(l => (l, false, 9.0)));
        lines.AddRange(party.Identifiers.Select(i => (i, false, 9.0)));
        foreach (var (text, bold, size) in lines)
        {
            var font = Font(text, size, bold);
            foreach (var line in Wrap(text, font, width))
            {
                G.DrawString(line, font, XBrushes.Black, new XRect(x, y, width, size + LineGap), XStringFormats.TopLeft);
                y += size + LineGap;
            }
        }

        return y;
    }

    private void LinesTable()
    {
        const double size = 8;
        void Header() => TableRow(_view.LineColumns, LineColumnWidths, size, bold: true, firstRightAligned: 3, shaded: true);
        EnsureRoom(40);
        Header();
        foreach (var line in _view.Lines)
        {
            var description = line.Detail.Length > 0 ? line.Description + "\n" + line.Detail : line.Description;
            var cells = new[] { line.Number, description, line.Period, line.Quantity, line.UnitPrice, line.Amount, line.TaxRate };
            EnsureRoom(RowHeight(cells, LineColumnWidths, size, bold: false), Header);
            TableRow(cells, LineColumnWidths, size, bold: false, firstRightAligned: 3, shaded: false);
        }
    }

    private void TaxTable()
    {
        const double size = 9;
        void Header() => TableRow(_view.TaxColumns, TaxColumnWidths, size, bold: true, firstRightAligned: 1, shaded: true);
        EnsureRoom(30);
        Header();
        foreach (var row in _view.TaxRows)
        {
            var cells = new[] { row.Label, row.TaxableAmount, row.TaxAmount };
            EnsureRoom(RowHeight(cells, TaxColumnWidths, size, bold: false), Header);
            TableRow(cells, TaxColumnWidths, size, bold: false, firstRightAligned: 1, shaded: false);
        }
    }

    private void Totals()
    {
        const double size = 10;
        const double labelWidth = 200;
        const double valueWidth = 120;
        var x = Margin + ContentWidth - labelWidth - valueWidth;
        for (var i = 0; i < _view.Totals.Count; i++)
        {
            var total = _view.Totals[i];
            var bold = i == 2;
            EnsureRoom(size + (2 * LineGap));
            G.DrawString(total.Label, Font(total.Label, size, bold), XBrushes.Black, new XRect(x, _y, labelWidth, size + LineGap), XStringFormats.TopLeft);
            G.DrawString(total.Value, Font(total.Value, size, bold), XBrushes.Black, new XRect(x + labelWidth, _y, valueWidth, size + LineGap), XStringFormats.TopRight);
            _y += size + (2 * LineGap);
        }
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, double size, bool bold)
    {
        var lines = 1;
        for (var i = 0; i < cells.Count; i++)
        {
            lines = Math.Max(lines, cells[i].Split('\n').Sum(part => Wrap(part, Font(part, size, bold), widths[i] - 4).Count));
        }

        return (lines * (size + LineGap)) + 4;
    }

    private void TableRow(IReadOnlyList<string> cells, double[] widths, double size, bool bold, int firstRightAligned, bool shaded)
    {
        var height = RowHeight(cells, widths, size, bold);
        var total = widths.Sum();
        if (shaded)
        {
            G.DrawRectangle(XBrushes.WhiteSmoke, Margin, _y, total, height);
        }

        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var y = _y + 2;
            foreach (var part in cells[i].Split('\n'))
            {
                var font = Font(part, size, bold);
                var lines = Wrap(part, font, widths[i] - 4);
                DrawLines(lines, font, x + 2, y, widths[i] - 4, size, i >= firstRightAligned ? XStringFormats.TopRight : XStringFormats.TopLeft);
                y += lines.Count * (size + LineGap);
            }

            x += widths[i];
        }

        _y += height;
        G.DrawLine(XPens.LightGray, Margin, _y, Margin + total, _y);
    }

    private void DrawLines(IReadOnlyList<string> lines, XFont font, double x, double y, double width, double size, XStringFormat format)
    {
        foreach (var line in lines)
        {
            G.DrawString(line, font, XBrushes.Black, new XRect(x, y, width, size + LineGap), format);
            y += size + LineGap;
        }
    }

    /// <summary>Breaks text into lines that fit <paramref name="width"/>: at spaces, and between any two characters of CJK text (which has no spaces).</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var token in Tokens(text))
        {
            var candidate = current + token;
            if (current.Length > 0 && G.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current.TrimEnd());
                current = token.TrimStart();
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current.TrimEnd());
        }

        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' || InvoiceFonts.NeedsCjk(c.ToString()))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                yield return c.ToString();
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private void PageNumbers()
    {
        var text = new InvoiceText(_view.Language);
        for (var i = 0; i < _document.PageCount; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var label = text.Format("Page", i + 1, _document.PageCount);
            var font = Font(label, 8, bold: false);
            graphics.DrawString(label, font, XBrushes.Gray, new XRect(Margin, PageHeight - Margin, ContentWidth, 10), XStringFormats.TopRight);
        }
    }
}

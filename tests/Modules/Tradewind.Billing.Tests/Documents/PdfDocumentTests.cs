using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using Tradewind.Billing.Documents;

namespace Tradewind.Billing.Tests.Documents;

public sealed class PdfDocumentTests
{
    private static readonly InvoiceDocuments Documents = new();

    [Fact]
    public void A_Japanese_invoice_embeds_a_subset_of_IPAGothic_maps_its_Japanese_text_and_stays_under_1_MB()
    {
        var pdf = Documents.RenderPdf(InvoiceFixtures.JapanQualifiedInvoice());

        var fonts = EmbeddedFonts(pdf);

        // A subset font's name carries a six-letter tag (ISO 32000-1 9.6.4), e.g. ABCDEF+IPAGothic.
        var cjk = Assert.Single(fonts, f => f.Name.Contains("IPAGothic", StringComparison.Ordinal));
        Assert.True(cjk.Embedded);
        Assert.Matches("^/[A-Z]{6}\\+", cjk.Name);
        Assert.Equal("/FontFile2", cjk.FileKey);
        foreach (var text in new[] { "適格請求書", "適格請求書発行事業者登録番号", "株式会社サンプル商事", "消費税" })
        {
            Assert.All(text, c => Assert.Contains(c, cjk.Characters));
        }

        Assert.True(pdf.Length < 1_000_000, $"The PDF is {pdf.Length} bytes.");
    }

    [Fact]
    public void A_Korean_invoice_embeds_a_subset_of_NanumGothic_maps_its_Korean_text_and_stays_under_1_MB()
    {
        var pdf = Documents.RenderPdf(InvoiceFixtures.KoreaInvoice());

        var fonts = EmbeddedFonts(pdf);

        var cjk = Assert.Single(fonts, f => f.Name.Contains("NanumGothic", StringComparison.Ordinal));
        Assert.True(cjk.Embedded);
        Assert.Matches("^/[A-Z]{6}\\+", cjk.Name);
        Assert.Equal("/FontFile2", cjk.FileKey);
        foreach (var text in new[] { "청구서", "주식회사 예시소프트", "아틀라스 분석 프로", "세율" })
        {
            Assert.All(text.Replace(" ", string.Empty, StringComparison.Ordinal), c => Assert.Contains(c, cjk.Characters));
        }

        Assert.True(pdf.Length < 1_000_000, $"The PDF is {pdf.Length} bytes.");
    }

    [Fact]
    public void Without_the_TrueType_fonts_the_CJK_face_falls_back_to_the_Noto_collection()
    {
        bool OnlyNoto(string path) => path.EndsWith("NotoSansCJK-Regular.ttc", StringComparison.Ordinal);

        Assert.Equal("Noto Sans CJK JP", InvoiceFonts.CjkSource(korean: false, OnlyNoto).CollectionFace);
        Assert.Equal("Noto Sans CJK KR", InvoiceFonts.CjkSource(korean: true, OnlyNoto).CollectionFace);
        Assert.Null(InvoiceFonts.CjkSource(korean: false, _ => true).CollectionFace);
        Assert.EndsWith("ipag.ttf", InvoiceFonts.CjkSource(korean: false, _ => true).Path, StringComparison.Ordinal);
        Assert.EndsWith("NanumGothic.ttf", InvoiceFonts.CjkSource(korean: true, _ => true).Path, StringComparison.Ordinal);
        var missing = Assert.Throws<InvalidOperationException>(() => InvoiceFonts.CjkSource(korean: true, _ => false));
        Assert.Contains("fonts-nanum", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Noto_fallback_face_is_cut_out_of_its_collection_as_a_CFF_OpenType_font()
    {
        var noto = InvoiceFonts.CjkSource(korean: false, path => path.EndsWith(".ttc", StringComparison.Ordinal) && File.Exists(path));

        var face = InvoiceFonts.ExtractFace(noto.Path, noto.CollectionFace!);

        Assert.Equal("OTTO", Encoding.ASCII.GetString(face, 0, 4));
    }

    [Fact]
    public void A_Latin_only_invoice_embeds_only_a_subset_Latin_font_and_stays_small()
    {
        var pdf = Documents.RenderPdf(InvoiceFixtures.EuStandardRateB2C());

        var fonts = EmbeddedFonts(pdf);

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("DejaVu", f.Name, StringComparison.Ordinal));
        Assert.All(fonts, f => Assert.True(f.Embedded));
        Assert.Contains('ß', fonts.SelectMany(f => f.Characters));
        Assert.Contains('€', fonts.SelectMany(f => f.Characters));
        Assert.True(pdf.Length < 300_000, $"The PDF is {pdf.Length} bytes.");
    }

    [Fact]
    public void A_PDF_is_A4_and_starts_with_the_PDF_header()
    {
        var pdf = Documents.RenderPdf(InvoiceFixtures.IndiaTaxInvoice());

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var page = document.Pages[0];
        Assert.Equal(595, Math.Round(page.Width.Point, MidpointRounding.AwayFromZero));
        Assert.Equal(842, Math.Round(page.Height.Point, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void A_long_invoice_continues_on_more_pages()
    {
        var invoice = InvoiceFixtures.EuStandardRateB2C();
        var many = invoice with { Lines = Enumerable.Range(0, 60).Select(i => invoice.Lines[0] with { LineNumber = i + 1 }).ToList() };

        var pdf = Documents.RenderPdf(many);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 2);
    }

    private sealed record EmbeddedFont(string Name, bool Embedded, HashSet<char> Characters, string? FileKey = null, string? FileSubtype = null);

    /// <summary>The fonts the pages use, whether each is embedded, and the characters its ToUnicode map covers.</summary>
    private static List<EmbeddedFont> EmbeddedFonts(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var fonts = new Dictionary<string, EmbeddedFont>(StringComparer.Ordinal);
        foreach (var page in document.Pages)
        {
            var fontDictionary = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
            if (fontDictionary is null)
            {
                continue;
            }

            foreach (var key in fontDictionary.Elements.Keys)
            {
                var font = fontDictionary.Elements.GetDictionary(key)!;
                var name = font.Elements.GetName("/BaseFont");
                var descriptor = font.Elements.GetDictionary("/FontDescriptor");
                if (font.Elements.GetArray("/DescendantFonts") is { } descendants)
                {
                    descriptor = ((descendants.Elements[0] as PdfReference)?.Value as PdfDictionary ?? descendants.Elements[0] as PdfDictionary)?.Elements.GetDictionary("/FontDescriptor");
                }

                var embedded = descriptor is not null
                    && (descriptor.Elements.ContainsKey("/FontFile2") || descriptor.Elements.ContainsKey("/FontFile3") || descriptor.Elements.ContainsKey("/FontFile"));
                var characters = ToUnicodeCharacters(font.Elements.GetDictionary("/ToUnicode"));
                var fileKey = new[] { "/FontFile", "/FontFile2", "/FontFile3" }.FirstOrDefault(k => descriptor?.Elements.ContainsKey(k) == true);
                var fileSubtype = fileKey is null ? null : descriptor!.Elements.GetDictionary(fileKey)?.Elements.GetName("/Subtype");
                if (fonts.TryGetValue(name, out var known))
                {
                    known.Characters.UnionWith(characters);
                }
                else
                {
                    fonts[name] = new EmbeddedFont(name, embedded, characters, fileKey, fileSubtype);
                }
            }
        }

        return fonts.Values.ToList();
    }

    /// <summary>Reads the Unicode side of a ToUnicode CMap (<c>bfchar</c> pairs and <c>bfrange</c> ranges).</summary>
    private static HashSet<char> ToUnicodeCharacters(PdfDictionary? toUnicode)
    {
        var characters = new HashSet<char>();
        if (toUnicode?.Stream is not { } stream)
        {
            return characters;
        }

        stream.TryUncompress();
        var cmap = Encoding.ASCII.GetString(stream.Value);
        var hex = System.Text.RegularExpressions.Regex.Matches(cmap, "<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>(?:\\s*<([0-9A-Fa-f]+)>)?");
        foreach (System.Text.RegularExpressions.Match m in hex)
        {
            if (m.Groups[3].Success)
            {
                var low = int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var high = int.Parse(m.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var first = int.Parse(m.Groups[3].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                for (var i = 0; i <= high - low; i++)
                {
                    characters.Add((char)(first + i));
                }
            }
            else
            {
                characters.Add((char)int.Parse(m.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return characters;
    }
}

using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Fonts;

namespace Tradewind.Billing.Documents;

/// <summary>
/// The fonts invoice PDFs embed: DejaVu Sans for Latin-only text, and for text with Japanese, Korean or Chinese
/// characters a CJK face that matches the document's language: IPAGothic (Debian <c>fonts-ipafont-gothic</c>) for
/// Japanese and NanumGothic (<c>fonts-nanum</c>) for Korean, else Noto Sans CJK JP or KR (<c>fonts-noto-cjk</c>).
/// </summary>
/// <remarks>
/// <para>
/// IPAGothic and NanumGothic have TrueType outlines, which PDFsharp 6 subsets on embedding: a one-page Japanese or
/// Korean invoice stays well under 1 MB. Noto Sans CJK is the fallback for a machine without them: it ships as an
/// OpenType collection (<c>.ttc</c>), which PDFsharp cannot open, so the face is cut out of the collection into a
/// stand-alone OpenType font (same tables, new table directory) once per process and cached; its outlines are CFF,
/// which PDFsharp embeds whole (about 13 MB per PDF). Latin-only text uses DejaVu Sans (TrueType, subset), which
/// keeps every other PDF small. See docs/decisions/0022 and 0027.
/// </para>
/// <para>
/// Bold is simulated (one face per family), and CJK text is set regular so that the Noto fallback never embeds a
/// second large face. When DejaVu Sans is missing the CJK face is used for everything; when no CJK font is installed
/// rendering CJK text fails with a message naming the packages.
/// </para>
/// </remarks>
internal sealed class InvoiceFonts : IFontResolver
{
    public const string LatinFamily = "Tradewind Latin";
    public const string JapaneseFamily = "Tradewind CJK JP";
    public const string KoreanFamily = "Tradewind CJK KR";

    private static readonly string[] CjkCollections =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    /// <summary>TrueType-outline Japanese fonts (subset on embedding), preferred over the Noto collection.</summary>
    private static readonly string[] JapaneseTrueTypeFonts =
    [
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
        "/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf",
        "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
        "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
    ];

    /// <summary>TrueType-outline Korean fonts (subset on embedding), preferred over the Noto collection.</summary>
    private static readonly string[] KoreanTrueTypeFonts =
    [
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/usr/share/fonts/nanum/NanumGothic.ttf",
    ];

    private static readonly string[] LatinFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ];

    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>Makes this resolver PDFsharp's (a process-wide setting that may be made only once).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null or not InvoiceFonts)
            {
                GlobalFontSettings.FontResolver = new InvoiceFonts();
            }

            _installed = true;
        }
    }

    /// <summary>Whether DejaVu Sans is installed (otherwise Latin text uses the CJK face too).</summary>
    public static bool HasLatinFont => LatinFonts.Any(File.Exists);

    /// <summary>True for characters the Latin font lacks: kana, Hangul, CJK ideographs and full-width forms.</summary>
    public static bool NeedsCjk(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u1100' and <= '\u11FF') or (>= '\u2E80' and <= '\u9FFF') or (>= '\uA960' and <= '\uA97F')
                or (>= '\uAC00' and <= '\uD7FF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF'))
            {
                return true;
            }
        }

        return false;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName switch
        {
            LatinFamily when HasLatinFont => "latin",
            KoreanFamily => "cjk-kr",
            LatinFamily or JapaneseFamily => "cjk-jp",
            _ => null,
        };
        return face is null ? null : new FontResolverInfo(face, bold, false);
    }

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        if (faceName == "latin")
        {
            return File.ReadAllBytes(LatinFonts.First(File.Exists));
        }

        var source = CjkSource(korean: faceName == "cjk-kr", File.Exists);
        return source.CollectionFace is { } family ? ExtractFace(source.Path, family) : File.ReadAllBytes(source.Path);
    }

    /// <summary>
    /// Where the CJK face comes from: the first TrueType font of the language that exists, else the language's face of
    /// the Noto Sans CJK collection (<see cref="CjkFace.CollectionFace"/> names it).
    /// </summary>
    internal static CjkFace CjkSource(bool korean, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        if ((korean ? KoreanTrueTypeFonts : JapaneseTrueTypeFonts).FirstOrDefault(exists) is { } trueType)
        {
            return new CjkFace(trueType, null);
        }

        var collection = CjkCollections.FirstOrDefault(exists)
            ?? throw new InvalidOperationException(
                $"No {(korean ? "Korean" : "Japanese")} font is installed (Debian packages {(korean ? "fonts-nanum" : "fonts-ipafont-gothic")} or fonts-noto-cjk); invoices with Japanese or Korean text cannot be rendered as PDF.");
        return new CjkFace(collection, korean ? "Noto Sans CJK KR" : "Noto Sans CJK JP");
    }

    /// <summary>A CJK font file, and the family to cut out of it when it is a collection.</summary>
    internal sealed record CjkFace(string Path, string? CollectionFace);

    /// <summary>
    /// Copies one face of an OpenType collection into a stand-alone font: the collection header lists each face's
    /// table directory; the face's tables are copied after a new directory, 4-byte aligned, with their offsets rewritten.
    /// </summary>
    internal static byte[] ExtractFace(string collectionPath, string familyName)
    {
        var data = File.ReadAllBytes(collectionPath);
        if (!data.AsSpan(0, 4).SequenceEqual("ttcf"u8))
        {
            return data;
        }

        var faceCount = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8));
        for (var face = 0; face < faceCount; face++)
        {
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(12 + (4 * face)));
            var tables = ReadTables(data, offset);
            if (tables.TryGetValue("name", out var name) && FamilyNames(data, name.Offset).Contains(familyName, StringComparer.Ordinal))
            {
                return Rebuild(data, offset, tables);
            }
        }

        throw new InvalidOperationException($"The font collection {collectionPath} has no face named '{familyName}'.");
    }

    private static Dictionary<string, (uint Checksum, int Offset, int Length)> ReadTables(byte[] data, int offset)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset + 4));
        var tables = new Dictionary<string, (uint, int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = data.AsSpan(offset + 12 + (16 * i), 16);
            tables[Encoding.ASCII.GetString(record[..4])] = (
                BinaryPrimitives.ReadUInt32BigEndian(record[4..]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        return tables;
    }

    /// <summary>The family names (name id 1) a face's <c>name</c> table gives in Windows Unicode records.</summary>
    private static List<string> FamilyNames(byte[] data, int tableOffset)
    {
        var names = new List<string>();
        var table = data.AsSpan(tableOffset);
        var count = BinaryPrimitives.ReadUInt16BigEndian(table[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(table[4..]);
        for (var i = 0; i < count; i++)
        {
            var record = table.Slice(6 + (12 * i), 12);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            if (platform != 3 || nameId != 1)
            {
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var start = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            names.Add(Encoding.BigEndianUnicode.GetString(table.Slice(storage + start, length)));
        }

        return names;
    }

    private static byte[] Rebuild(byte[] data, int faceOffset, Dictionary<string, (uint Checksum, int Offset, int Length)> tables)
    {
        var ordered = tables.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var directoryLength = 12 + (16 * ordered.Count);
        var size = directoryLength + ordered.Sum(t => Align(t.Value.Length));
        var font = new byte[size];
        data.AsSpan(faceOffset, 12).CopyTo(font);
        var position = directoryLength;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (tag, (checksum, offset, length)) = (ordered[i].Key, ordered[i].Value);
            var record = font.AsSpan(12 + (16 * i), 16);
            Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            data.AsSpan(offset, length).CopyTo(font.AsSpan(position));
            position += Align(length);
        }

        return font;
    }

    private static int Align(int length) => (length + 3) & ~3;
}

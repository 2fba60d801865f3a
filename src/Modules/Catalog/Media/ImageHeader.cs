using System.Buffers.Binary;

namespace Tradewind.Catalog.Media;

/// <summary>
/// What an upload really is, read from its first bytes (never from its name or declared type): PNG, JPEG or WebP, with the
/// pixel size when the header gives it cheaply. SVG is refused: it is a document that can carry script.
/// </summary>
internal sealed record ImageHeader(string ContentType, int? Width, int? Height)
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image's header, or null with <paramref name="problem"/> saying why the bytes are refused.</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (bytes.StartsWith(PngSignature))
        {
            // IHDR is the first chunk: width and height are big-endian at offsets 16 and 20.
            return bytes.Length >= 24
                ? new ImageHeader("image/png", BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]))
                : new ImageHeader("image/png", null, null);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            var (width, height) = JpegSize(bytes);
            return new ImageHeader("image/jpeg", width, height);
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            var (width, height) = WebPSize(bytes);
            return new ImageHeader("image/webp", width, height);
        }

        problem = LooksLikeSvg(bytes)
            ? "SVG images are not accepted (they can carry script); upload a PNG, JPEG or WebP."
            : "Upload a PNG, JPEG or WebP image.";
        return null;
    }

    private static (int?, int?) JpegSize(ReadOnlySpan<byte> bytes)
    {
        // Walk the marker segments to the first start-of-frame (SOF0–SOF15 except DHT C4, JPG C8, DAC CC).
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return (null, null);
            }

            var marker = bytes[i + 1];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]));
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
        }

        return (null, null);
    }

    private static (int?, int?) WebPSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30)
        {
            return (null, null);
        }

        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)), 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)));
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        return (null, null);
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        return head.Contains("<svg", StringComparison.OrdinalIgnoreCase) || head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("<?xml", StringComparison.Ordinal);
    }
}

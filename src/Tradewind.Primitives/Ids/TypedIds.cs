using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Ids;

/// <summary>
/// The rules every typed id shares: version 7 GUIDs from an injected clock, no empty GUID, and the
/// strict "D" text form (36 characters, hyphens, no braces).
/// </summary>
internal static class TypedIds
{
    public static Guid NewVersion7(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        // The timestamp comes from the injected clock so tests control ordering; the rest is random.
        return Guid.CreateVersion7(clock.GetUtcNow());
    }

    public static Guid RequireNonEmpty(Guid value) =>
        value == Guid.Empty ? throw new ArgumentException("An id cannot be the empty GUID.", nameof(value)) : value;

    public static Guid Parse(string value, string typeName)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var guid)
            ? guid
            : throw new FormatException($"'{value}' is not a {typeName}: expected a non-empty GUID such as \"0190a6b2-4c1e-7d3a-9f00-2b6c8d1e4f5a\".");
    }

    // Guid.TryParseExact trims surrounding whitespace; the exact length keeps the wire form strict.
    public static bool TryParse([NotNullWhen(true)] string? value, out Guid guid)
    {
        guid = Guid.Empty;
        return value is { Length: 36 } && Guid.TryParseExact(value, "D", out guid) && guid != Guid.Empty;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Geography;

/// <summary>
/// An ISO 3166-2 subdivision code that is in the registry, such as "US-CA" or "IN-KA".
/// </summary>
/// <remarks>
/// Invariant: <see cref="Value"/> is a registered code: the country's alpha-2 code, '-', and the
/// subdivision part. Only the subdivisions that indirect tax depends on are registered (US states,
/// DC and outlying areas; Canadian provinces and territories; Indian states and union territories),
/// so "FR-75" is refused even though ISO defines it. Parsing is ordinal and case-sensitive.
/// <c>default(SubdivisionCode)</c> holds no code and its members throw <see cref="InvalidOperationException"/>.
/// </remarks>
public readonly record struct SubdivisionCode
{
    private readonly string? _value;

    internal SubdivisionCode(string value) => _value = value;

    /// <summary>The full code, for example "US-CA".</summary>
    public string Value => _value ?? throw new InvalidOperationException(
        "This SubdivisionCode is default(SubdivisionCode) and holds no code; use SubdivisionCode.Parse.");

    /// <summary>The country the subdivision belongs to (the part before '-').</summary>
    public CountryCode Country => Subdivision.Country;

    /// <summary>The registered subdivision with this code.</summary>
    public Subdivision Subdivision => Countries.SubdivisionsByCode[Value];

    /// <exception cref="FormatException">Not a registered subdivision code.</exception>
    public static SubdivisionCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryParse(value, out var code))
        {
            throw new FormatException(
                $"'{value}' is not a registered ISO 3166-2 subdivision code (for example \"US-CA\"; only US, CA and IN subdivisions are registered).");
        }

        return code;
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out SubdivisionCode code)
    {
        if (value is not null && Countries.SubdivisionsByCode.TryGetValue(value, out var subdivision))
        {
            code = subdivision.Code;
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>The code, for example "US-CA"; empty for <c>default(SubdivisionCode)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;
}

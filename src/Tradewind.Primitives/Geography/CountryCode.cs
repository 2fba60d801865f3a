using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Geography;

/// <summary>
/// An ISO 3166-1 alpha-2 country code that is in the registry (see <see cref="Countries"/>), such as "DE".
/// </summary>
/// <remarks>
/// Invariant: <see cref="Value"/> is two upper-case ASCII letters naming one of the 249 ISO 3166-1
/// countries; a code that is merely well-formed ("XX", "EU", "UK") is refused. Parsing is ordinal and
/// case-sensitive because the code is a wire and storage value; normalise user input before parsing.
/// <c>default(CountryCode)</c> holds no code: its <see cref="Value"/> and <see cref="Country"/> throw
/// <see cref="InvalidOperationException"/>.
/// </remarks>
public readonly record struct CountryCode
{
    private readonly string? _value;

    // Only the registry and Parse call this, always with a registered code.
    internal CountryCode(string value) => _value = value;

    /// <summary>The two-letter code, for example "DE".</summary>
    public string Value => _value ?? throw new InvalidOperationException(
        "This CountryCode is default(CountryCode) and holds no code; use CountryCode.Parse.");

    /// <summary>The country this code names.</summary>
    public Country Country => Countries.ByAlpha2[Value];

    /// <exception cref="FormatException">Not a registered ISO 3166-1 alpha-2 code.</exception>
    public static CountryCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryParse(value, out var code))
        {
            throw new FormatException(
                $"'{value}' is not an ISO 3166-1 alpha-2 country code (two upper-case letters of an assigned country, for example \"DE\").");
        }

        return code;
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out CountryCode code)
    {
        if (value is not null && Countries.ByAlpha2.TryGetValue(value, out var country))
        {
            code = country.Code;
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>The code, for example "DE"; empty for <c>default(CountryCode)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;
}

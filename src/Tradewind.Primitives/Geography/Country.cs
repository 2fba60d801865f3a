using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Geography;

/// <summary>
/// A country (more exactly, an ISO 3166-1 entry: also dependent territories such as Guernsey or Puerto Rico).
/// </summary>
/// <remarks>
/// Instances exist only in the registry loaded from the embedded <c>countries.csv</c> (all 249 ISO 3166-1
/// entries; source and date in <c>Geography/Data/README.md</c>). Equality is by <see cref="Code"/>.
/// <see cref="Name"/> is the ISO English short name ("Germany", "Korea, Republic of"), meant for logs and
/// back-office screens; customer-facing names should come from a localisation source.
/// <see cref="Subdivisions"/> is empty except for the countries whose subdivisions are registered
/// (US, CA, IN), and is sorted by code.
/// </remarks>
public sealed class Country : IEquatable<Country>
{
    internal Country(CountryCode code, string alpha3, int numericCode, string name)
    {
        Code = code;
        Alpha3 = alpha3;
        NumericCode = numericCode;
        Name = name;
    }

    /// <summary>The ISO 3166-1 alpha-2 code, for example "DE".</summary>
    public CountryCode Code { get; }

    /// <summary>The ISO 3166-1 alpha-3 code, for example "DEU".</summary>
    public string Alpha3 { get; }

    /// <summary>The ISO 3166-1 numeric code, for example 276.</summary>
    public int NumericCode { get; }

    /// <summary>The ISO English short name, for example "Germany".</summary>
    public string Name { get; }

    /// <summary>The registered subdivisions of this country, sorted by code; often empty.</summary>
    public IReadOnlyList<Subdivision> Subdivisions { get; internal set; } = [];

    /// <exception cref="ArgumentException">Not a registered alpha-2 code.</exception>
    public static Country FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code, out var country)
            ? country
            : throw new ArgumentException(
                $"'{code}' is not an ISO 3166-1 alpha-2 country code (two upper-case letters, for example \"DE\").", nameof(code));
    }

    public static bool TryFromCode([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Country? country)
    {
        country = null;
        return code is not null && Countries.ByAlpha2.TryGetValue(code, out country);
    }

    public bool Equals(Country? other) => other is not null && Code == other.Code;

    public override bool Equals(object? obj) => Equals(obj as Country);

    public override int GetHashCode() => Code.GetHashCode();

    /// <summary>The alpha-2 code, for example "DE".</summary>
    public override string ToString() => Code.ToString();
}

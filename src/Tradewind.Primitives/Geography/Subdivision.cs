using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Geography;

/// <summary>
/// A registered ISO 3166-2 subdivision: a US state, district or outlying area, a Canadian province or
/// territory, or an Indian state or union territory.
/// </summary>
/// <remarks>
/// Instances exist only in the registry loaded from the embedded <c>subdivisions.csv</c> (source and
/// date in <c>Geography/Data/README.md</c>); equality is by <see cref="Code"/>.
/// <see cref="Category"/> is the ISO 3166-2 category in lower case: "state", "district",
/// "outlying area", "province", "territory" or "union territory". <see cref="Name"/> is the ISO
/// English (romanised) name, for example "California" or "Karnātaka".
/// </remarks>
public sealed class Subdivision : IEquatable<Subdivision>
{
    internal Subdivision(SubdivisionCode code, CountryCode country, string name, string category)
    {
        Code = code;
        Country = country;
        Name = name;
        Category = category;
    }

    public SubdivisionCode Code { get; }

    public CountryCode Country { get; }

    public string Name { get; }

    public string Category { get; }

    /// <exception cref="ArgumentException">Not a registered subdivision code.</exception>
    public static Subdivision FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code, out var subdivision)
            ? subdivision
            : throw new ArgumentException(
                $"'{code}' is not a registered ISO 3166-2 subdivision code (for example \"US-CA\").", nameof(code));
    }

    public static bool TryFromCode([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Subdivision? subdivision)
    {
        subdivision = null;
        return code is not null && Countries.SubdivisionsByCode.TryGetValue(code, out subdivision);
    }

    public bool Equals(Subdivision? other) => other is not null && Code == other.Code;

    public override bool Equals(object? obj) => Equals(obj as Subdivision);

    public override int GetHashCode() => Code.GetHashCode();

    /// <summary>The code, for example "US-CA".</summary>
    public override string ToString() => Code.ToString();
}

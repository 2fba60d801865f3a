using System.Collections.Frozen;
using System.Globalization;
using Tradewind.Primitives.Geography.Data;

namespace Tradewind.Primitives.Money;

/// <summary>
/// A currency from ISO 4217 List One, identified by its three-letter alphabetic code.
/// </summary>
/// <remarks>
/// <para>
/// Instances exist only in the registry loaded from the embedded <c>currencies.csv</c>
/// (see <c>Geography/Data/README.md</c> for the source and date); there is no public constructor,
/// so holding a <see cref="Currency"/> means holding a known, active ISO 4217 currency.
/// Two currencies are equal exactly when their <see cref="Code"/>s are equal (ordinal).
/// </para>
/// <para>
/// <see cref="MinorUnits"/> is the ISO 4217 exponent: the number of decimal places between the
/// major unit and the smallest unit money is counted in (JPY 0, USD 2, BHD 3, CLF 4).
/// </para>
/// <para>
/// Codes whose ISO minor unit is "N.A." (precious metals such as XAU, the SDR XDR, testing code
/// XTS, "no currency" XXX and the bond-market units) are deliberately not in the registry:
/// they have no smallest unit, so an amount of them cannot be a whole number of minor units.
/// <see cref="FromCode"/> refuses them with a message that says so.
/// </para>
/// <para>Lookups are ordinal and case-sensitive: codes are upper-case ASCII ("EUR", never "eur").</para>
/// </remarks>
public sealed class Currency : IEquatable<Currency>, IComparable<Currency>
{
    private Currency(string code, int numericCode, string name, int minorUnits)
    {
        Code = code;
        NumericCode = numericCode;
        Name = name;
        MinorUnits = minorUnits;
    }

    /// <summary>The ISO 4217 alphabetic code, three upper-case ASCII letters, for example "EUR".</summary>
    public string Code { get; }

    /// <summary>The ISO 4217 numeric code, for example 978 for EUR.</summary>
    public int NumericCode { get; }

    /// <summary>The ISO 4217 English name, for example "Euro".</summary>
    public string Name { get; }

    /// <summary>The ISO 4217 exponent: decimal places of the minor unit (0 to 4).</summary>
    public int MinorUnits { get; }

    /// <summary>Every currency in the registry, sorted by <see cref="Code"/> (ordinal).</summary>
    public static IReadOnlyList<Currency> All => Registry.All;

    public static Currency USD { get; } = FromCode("USD");

    public static Currency EUR { get; } = FromCode("EUR");

    public static Currency GBP { get; } = FromCode("GBP");

    public static Currency JPY { get; } = FromCode("JPY");

    public static Currency AUD { get; } = FromCode("AUD");

    public static Currency INR { get; } = FromCode("INR");

    public static Currency KRW { get; } = FromCode("KRW");

    public static Currency CAD { get; } = FromCode("CAD");

    public static Currency CHF { get; } = FromCode("CHF");

    public static Currency BHD { get; } = FromCode("BHD");

    /// <summary>Returns the registered currency with this alphabetic code.</summary>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 currency usable for money.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Registry.ByCode.TryGetValue(code, out var currency))
        {
            return currency;
        }

        if (Registry.WithoutMinorUnit.TryGetValue(code, out var name))
        {
            throw new ArgumentException(
                $"ISO 4217 code '{code}' ({name}) has no minor unit, so it cannot be used for money.", nameof(code));
        }

        throw new ArgumentException(
            $"'{code}' is not an active ISO 4217 currency code (codes are three upper-case letters, for example \"EUR\").",
            nameof(code));
    }

    /// <summary>Looks up a currency without throwing; false for null, unknown or unusable codes.</summary>
    public static bool TryFromCode(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Currency? currency)
    {
        if (code is null)
        {
            currency = null;
            return false;
        }

        return Registry.ByCode.TryGetValue(code, out currency);
    }

    public bool Equals(Currency? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Currency);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Orders by <see cref="Code"/> (ordinal); null sorts first.</summary>
    public int CompareTo(Currency? other) => other is null ? 1 : string.CompareOrdinal(Code, other.Code);

    /// <summary>The alphabetic code, for example "EUR".</summary>
    public override string ToString() => Code;

    public static bool operator ==(Currency? left, Currency? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Currency? left, Currency? right) => !(left == right);

    public static bool operator <(Currency? left, Currency? right) => Compare(left, right) < 0;

    public static bool operator <=(Currency? left, Currency? right) => Compare(left, right) <= 0;

    public static bool operator >(Currency? left, Currency? right) => Compare(left, right) > 0;

    public static bool operator >=(Currency? left, Currency? right) => Compare(left, right) >= 0;

    private static int Compare(Currency? left, Currency? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    // A nested holder so the registry is built before the convenience statics above read it,
    // whatever order the compiler emits the outer static initialisers in.
    private static class Registry
    {
        public static readonly FrozenDictionary<string, Currency> ByCode;
        public static readonly FrozenDictionary<string, string> WithoutMinorUnit;
        public static readonly IReadOnlyList<Currency> All;

        static Registry()
        {
            var usable = new Dictionary<string, Currency>(StringComparer.Ordinal);
            var unusable = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in EmbeddedCsv.ReadRows("currencies.csv"))
            {
                // Columns: code, numeric, minor_units, name. Empty minor_units is ISO's "N.A.".
                var code = row[0];
                var name = row[3];
                if (row[2].Length == 0)
                {
                    unusable.Add(code, name);
                    continue;
                }

                var numeric = int.Parse(row[1], NumberStyles.None, CultureInfo.InvariantCulture);
                var minorUnits = int.Parse(row[2], NumberStyles.None, CultureInfo.InvariantCulture);
                usable.Add(code, new Currency(code, numeric, name, minorUnits));
            }

            ByCode = usable.ToFrozenDictionary(StringComparer.Ordinal);
            WithoutMinorUnit = unusable.ToFrozenDictionary(StringComparer.Ordinal);
            All = usable.Values.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray().AsReadOnly();
        }
    }
}

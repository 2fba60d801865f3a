using System.Globalization;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// One country's IBAN format: its two-letter prefix, total length and BBAN structure in the SWIFT
/// IBAN registry's notation, for example <c>8!n10!n</c> for Germany.
/// </summary>
/// <remarks>
/// In the registry notation every element is <c>&lt;length&gt;!&lt;kind&gt;</c>: <c>n</c> digits,
/// <c>a</c> upper-case letters, <c>c</c> upper-case letters or digits, and <c>!</c> marks a fixed length
/// (every element in the registry is fixed). <see cref="Length"/> is the whole IBAN: 4 (prefix and check
/// digits) plus the BBAN. <see cref="InSwiftRegistry"/> is false for the formats that banks of a country
/// publish but SWIFT's registry does not (yet) list; see <see cref="IbanRegistry"/>.
/// </remarks>
public sealed class IbanCountryFormat
{
    private readonly char[] _kinds;

    internal IbanCountryFormat(string prefix, string name, string bbanStructure, bool inSwiftRegistry, params string[] territories)
    {
        Prefix = prefix;
        Name = name;
        BbanStructure = bbanStructure;
        InSwiftRegistry = inSwiftRegistry;
        Territories = territories;
        _kinds = Expand(bbanStructure);
        Length = 4 + _kinds.Length;
    }

    /// <summary>The IBAN's first two letters, for example "DE"; an ISO 3166-1 code except Kosovo's "XK".</summary>
    public string Prefix { get; }

    /// <summary>A short English name of the country, for messages ("Germany").</summary>
    public string Name { get; }

    /// <summary>The BBAN structure in SWIFT registry notation, for example "8!n10!n".</summary>
    public string BbanStructure { get; }

    /// <summary>The number of characters of the whole IBAN in electronic format.</summary>
    public int Length { get; }

    public bool InSwiftRegistry { get; }

    /// <summary>
    /// ISO 3166-1 codes of territories whose accounts carry this country's prefix (the registry's
    /// "country code includes other countries/territories" row), for example Jersey's accounts are GB IBANs.
    /// </summary>
    public IReadOnlyList<string> Territories { get; }

    /// <summary>The kind ('n', 'a' or 'c') required at a zero-based position of the BBAN.</summary>
    internal char KindAt(int bbanIndex) => _kinds[bbanIndex];

    internal static bool Accepts(char kind, char c) => kind switch
    {
        'n' => char.IsAsciiDigit(c),
        'a' => char.IsAsciiLetterUpper(c),
        _ => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c),
    };

    internal static string Describe(char kind) => kind switch
    {
        'n' => "a digit",
        'a' => "a letter",
        _ => "a letter or digit",
    };

    private static char[] Expand(string structure)
    {
        var kinds = new List<char>();
        var i = 0;
        while (i < structure.Length)
        {
            var start = i;
            while (char.IsAsciiDigit(structure[i]))
            {
                i++;
            }

            var count = int.Parse(structure.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            if (structure[i] != '!' || structure[i + 1] is not ('n' or 'a' or 'c'))
            {
                throw new InvalidOperationException($"'{structure}' is not a fixed-length SWIFT BBAN structure.");
            }

            kinds.AddRange(Enumerable.Repeat(structure[i + 1], count));
            i += 2;
        }

        return [.. kinds];
    }
}

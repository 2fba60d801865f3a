namespace Tradewind.Primitives.TaxIds;

/// <summary>
/// The machine-readable reasons a tax id is refused, as carried by <see cref="TaxIdValidationResult.Code"/>.
/// They are stable wire values: clients may switch on them.
/// </summary>
public static class TaxIdValidationCodes
{
    /// <summary>Nothing was entered (null, empty or only separators).</summary>
    public const string Empty = "empty";

    /// <summary>The text does not have the shape of the country's tax id (length, characters, prefix, fixed parts).</summary>
    public const string Format = "format";

    /// <summary>The text has the right shape but its check digit or checksum does not match.</summary>
    public const string CheckDigit = "check-digit";

    /// <summary>We know no tax id scheme for the country; the caller decides whether a tax id is optional there.</summary>
    public const string UnknownCountryScheme = "unknown-country-scheme";
}

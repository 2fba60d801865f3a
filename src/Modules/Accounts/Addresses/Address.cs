using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Geography;

namespace Tradewind.Accounts.Addresses;

/// <summary>A postal address stored with the entity that owns it (an owned type: columns <c>address_*</c>).</summary>
internal sealed class Address
{
    public required string Line1 { get; set; }

    public string? Line2 { get; set; }

    public required string City { get; set; }

    public string? PostalCode { get; set; }

    public string? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string CountryCode { get; set; }

    public PostalAddress ToDto() => new(Line1, Line2, City, PostalCode, Region, CountryCode);

    /// <summary>Checks an entered address (fields named <c>address.line1</c> …) and returns it cleaned, or null when invalid.</summary>
    public static Address? From(PostalAddress? input, Validation validation)
    {
        if (input is null)
        {
            validation.Add("address", "Give the postal address.");
            return null;
        }

        var line1 = input.Line1?.Trim() ?? "";
        var city = input.City?.Trim() ?? "";
        validation
            .Require(line1.Length is >= 1 and <= 200, "address.line1", "Give the first address line (up to 200 characters).")
            .Require((input.Line2?.Trim().Length ?? 0) <= 200, "address.line2", "The second address line has at most 200 characters.")
            .Require(city.Length is >= 1 and <= 100, "address.city", "Give the city (up to 100 characters).")
            .Require((input.PostalCode?.Trim().Length ?? 0) <= 20, "address.postalCode", "The postal code has at most 20 characters.")
            .Require((input.Region?.Trim().Length ?? 0) <= 100, "address.region", "The region has at most 100 characters.");
        if (!Country.TryFromCode(input.CountryCode?.Trim().ToUpperInvariant(), out var country))
        {
            validation.Add("address.countryCode", "Give an ISO 3166-1 alpha-2 country code, e.g. DE.");
            return null;
        }

        return new Address
        {
            Line1 = line1,
            Line2 = Blank(input.Line2),
            City = city,
            PostalCode = Blank(input.PostalCode),
            Region = Blank(input.Region),
            CountryCode = country.Code.ToString(),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using System.Globalization;
using Tradewind.Accounts.Addresses;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Primitives.TaxIds;

namespace Tradewind.Accounts.BuyerProfiles;

/// <summary>
/// How a buyer organisation is invoiced. The tax id is optional; when given it must pass its country's scheme (format and
/// check digits) and is stored canonical. Whether it is registered (VIES and the like) is the Tax module's business.
/// </summary>
internal sealed class BuyerProfile
{
    public OrganisationId OrganisationId { get; init; }

    public required Address Address { get; set; }

    public string? TaxId { get; set; }

    public string? TaxIdDisplay { get; set; }

    public required string InvoiceCurrency { get; set; }

    public required string Language { get; set; }

    public required string TimeZone { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public BuyerProfileDto ToDto() => new(OrganisationId, Address.ToDto(), TaxId, TaxIdDisplay, InvoiceCurrency, Language, TimeZone);

    /// <summary>Checks the input (fields named <c>profile.*</c> as on the wire, without the prefix) for a buyer in <paramref name="country"/>.</summary>
    public static (Address? Address, TaxId? TaxId, string Currency, string Language, string TimeZone) Validate(BuyerProfileInput? input, string country, Validation validation)
    {
        if (input is null)
        {
            validation.Add("profile", "Give the billing profile.");
            return (null, null, "", "", "");
        }

        var address = Address.From(input.Address, validation);
        TaxId? taxId = null;
        if (!string.IsNullOrWhiteSpace(input.TaxId))
        {
            if (!CountryCode.TryParse(country, out var code))
            {
                validation.Add("taxId", "The tax id is checked against the organisation's country; give the country first.");
            }
            else
            {
                var result = Primitives.TaxIds.TaxId.Validate(code, input.TaxId);
                if (result.IsValid)
                {
                    taxId = result.TaxId;
                }
                else
                {
                    validation.Add("taxId", result.Reason ?? "The tax id is not valid for the country.");
                }
            }
        }

        var currency = input.InvoiceCurrency?.Trim().ToUpperInvariant() ?? "";
        validation.Require(Currency.TryFromCode(currency, out _), "invoiceCurrency", "Give an ISO 4217 currency code, e.g. EUR.");
        var language = input.Language?.Trim() ?? "";
        validation.Require(IsCulture(language), "language", "Give a language code, e.g. en, ja or de.");
        var zone = input.TimeZone?.Trim() ?? "";
        validation.Require(zone.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), "timeZone", "Give an IANA time zone, e.g. Europe/Berlin.");
        return (address, taxId, currency, language, zone);
    }

    private static bool IsCulture(string name)
    {
        if (name.Length is < 2 or > 20)
        {
            return false;
        }

        try
        {
            return !CultureInfo.GetCultureInfo(name, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}

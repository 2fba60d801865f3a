using System.Text.Json;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Invoices;

/// <summary>The JSON columns of a document: buyer and issuer snapshots, tax subtotals, the conversion, legends and rating steps.</summary>
internal static class InvoiceJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public sealed record StoredBuyer(string Name, PostalAddress Address, string? TaxId, bool IsBusiness, string? Email, string? PeppolAddress = null);

    public sealed record StoredIssuer(string EntityCode, string LegalName, PostalAddress Address, IReadOnlyList<TaxRegistrationDto> TaxRegistrations, CollectionAccountDto? PaymentAccount, string CurrencyCode, string? PeppolParticipantId = null);

    public sealed record StoredSubtotal(string Category, decimal Rate, string TaxType, string Jurisdiction, long TaxableMinor, long TaxMinor, string? ExemptionReason, long? TaxInTaxCurrencyMinor);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is empty.");

    public static IReadOnlyList<RatingStep> ReadSteps(string json) => Read<List<RatingStep>>(json);

    public static IReadOnlyList<string> ReadLegends(string json) => Read<List<string>>(json);
}

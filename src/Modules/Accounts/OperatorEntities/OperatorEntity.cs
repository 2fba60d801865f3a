using Tradewind.Accounts.Addresses;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.OperatorEntities;

/// <summary>
/// One of the operator's own legal entities. As merchant of record it sells to the buyers routed to it (see
/// <see cref="Routing.RoutingRule"/>), issues their invoices in its series and owes the tax where it is registered.
/// </summary>
/// <remarks>
/// <see cref="Code"/> is upper-case, 2 to 10 letters or digits, unique and never changes: routing rules and invoice
/// series refer to it. <see cref="CurrencyCode"/> is always among <see cref="AcceptedCurrencies"/>. At most one tax
/// registration per jurisdiction (country, or country subdivision).
/// </remarks>
internal sealed class OperatorEntity
{
    public OperatorEntityId Id { get; init; }

    public required string Code { get; init; }

    public required string LegalName { get; set; }

    public required string CountryCode { get; set; }

    public required Address Address { get; set; }

    /// <summary>The currency the entity invoices in by default.</summary>
    public required string CurrencyCode { get; set; }

    /// <summary>Every currency the entity invoices and collects in (ISO 4217).</summary>
    public List<string> AcceptedCurrencies { get; set; } = [];

    public List<OperatorTaxRegistration> TaxRegistrations { get; set; } = [];

    /// <summary>Invoice numbers are <see cref="InvoicePrefix"/> then a number; Billing takes them from <see cref="InvoiceNextNumber"/> on.</summary>
    public required string InvoicePrefix { get; set; }

    public long InvoiceNextNumber { get; set; }

    public List<CollectionAccount> CollectionAccounts { get; set; } = [];

    /// <summary>
    /// The entity's Peppol participant id (<c>scheme:identifier</c>, e.g. <c>0088:0614141000012</c>), checked with
    /// <see cref="Primitives.Peppol.PeppolParticipantId"/>; <c>null</c> when its invoices derive the electronic address
    /// from its VAT number, ABN or Japanese registration number.
    /// </summary>
    public string? PeppolParticipantId { get; set; }

    /// <summary>
    /// The entity's SEPA creditor identifier (EPC262-08, e.g. <c>LU96ZZZ0000000000000000058</c>), checked with
    /// <see cref="Primitives.Banking.SepaCreditorId"/>; <c>null</c> when the entity does not collect by SEPA direct debit.
    /// </summary>
    public string? SepaCreditorId { get; set; }

    /// <summary>Plain description of the buyers this entity serves, e.g. "EMEA except Turkey and South Africa".</summary>
    public required string ServesRegion { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public OperatorEntityDto ToDto() => new(
        Id,
        Code,
        LegalName,
        CountryCode,
        Address.ToDto(),
        CurrencyCode,
        AcceptedCurrencies.ToList(),
        TaxRegistrations.OrderBy(t => t.CountryCode, StringComparer.Ordinal).ThenBy(t => t.SubdivisionCode, StringComparer.Ordinal)
            .Select(t => new TaxRegistrationDto(t.CountryCode, t.SubdivisionCode, t.Number)).ToList(),
        new InvoiceSeriesDto(InvoicePrefix, InvoiceNextNumber),
        CollectionAccounts.OrderBy(a => a.CurrencyCode, StringComparer.Ordinal)
            .Select(a => new CollectionAccountDto(a.CountryCode, a.CurrencyCode, a.HolderName, a.Last4)).ToList(),
        ServesRegion,
        CreatedAt,
        PeppolParticipantId,
        SepaCreditorId);
}

/// <summary>The entity's registration for indirect tax in one jurisdiction.</summary>
internal sealed class OperatorTaxRegistration
{
    public required string CountryCode { get; set; }

    /// <summary>ISO 3166-2 code for state-level registrations (US sales tax, Canadian PST/QST, Indian GST by state).</summary>
    public string? SubdivisionCode { get; set; }

    /// <summary>Canonical form when the country has a known scheme; as entered (trimmed) otherwise.</summary>
    public required string Number { get; set; }
}

/// <summary>A bank account the entity collects into. The details are encrypted; only the last four characters are clear.</summary>
internal sealed class CollectionAccount
{
    public required string CountryCode { get; set; }

    public required string CurrencyCode { get; set; }

    public required string HolderName { get; set; }

    public required string Last4 { get; set; }

    /// <summary>Lower-case hex SHA-256 of the normalized account key, for spotting duplicates.</summary>
    public required string Fingerprint { get; set; }

    /// <summary>The details, encrypted with ASP.NET Core Data Protection (<see cref="BankAccounts.BankAccountProtector"/>).</summary>
    public required string ProtectedDetails { get; set; }
}

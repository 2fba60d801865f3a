using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.OperatorEntities;

/// <summary>
/// One of the operator's own legal entities. As merchant of record it sells to the buyers of its region,
/// issues their invoices in its currency and owes the tax there.
/// </summary>
internal sealed class OperatorEntity
{
    public OperatorEntityId Id { get; init; }

    public required string LegalName { get; set; }

    public required string CountryCode { get; set; }

    public required string CurrencyCode { get; set; }

    public required string TaxRegistration { get; set; }

    /// <summary>Plain description of the buyers this entity serves, e.g. "European Union".</summary>
    public required string ServesRegion { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public OperatorEntityDto ToDto() => new(Id, LegalName, CountryCode, CurrencyCode, TaxRegistration, ServesRegion);
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.Agreements;

/// <summary>
/// The right to one dimension of an agreement's product in <c>[ValidFrom, ValidTo)</c>: <see cref="Quantity"/> units per
/// month, or <see cref="Unlimited"/> (then <see cref="Quantity"/> is null). <see cref="ValidTo"/> null: until the agreement ends.
/// Denormalised with the customer identifier and product so metering reads it with one index seek.
/// </summary>
internal sealed class AgreementEntitlement
{
    public Guid Id { get; init; }

    public AgreementId AgreementId { get; init; }

    public required string CustomerIdentifier { get; init; }

    public ProductId ProductId { get; init; }

    public OrganisationId BuyerId { get; init; }

    public OrganisationId SellerId { get; init; }

    public required string Dimension { get; init; }

    public decimal? Quantity { get; init; }

    public bool Unlimited { get; init; }

    /// <summary>A cap that applies only during the free trial.</summary>
    public bool IsTrialQuota { get; init; }

    public DateTimeOffset ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; set; }

    public bool IsValidAt(DateTimeOffset instant) => ValidFrom <= instant && (ValidTo is null || instant < ValidTo);

    public static AgreementEntitlement For(Agreement agreement, string dimension, decimal? quantity, bool unlimited, bool trialQuota, DateTimeOffset from, DateTimeOffset? to) => new()
    {
        Id = Guid.CreateVersion7(from),
        AgreementId = agreement.Id,
        CustomerIdentifier = agreement.CustomerIdentifier,
        ProductId = agreement.ProductId,
        BuyerId = agreement.BuyerId,
        SellerId = agreement.SellerId,
        Dimension = dimension,
        Quantity = unlimited ? null : quantity,
        Unlimited = unlimited,
        IsTrialQuota = trialQuota,
        ValidFrom = from,
        ValidTo = to,
    };
}

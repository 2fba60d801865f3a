using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>The operator accepted a seller entity's KYC review; it may sell and be paid until <see cref="ExpiresAt"/>.</summary>
public sealed record SellerEntityVerified(SellerEntityId SellerEntityId, OrganisationId SellerId, string CountryCode, DateTimeOffset ExpiresAt, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>The operator refused a seller entity's KYC review for <see cref="Reason"/>.</summary>
public sealed record SellerEntityRejected(SellerEntityId SellerEntityId, OrganisationId SellerId, string Reason, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

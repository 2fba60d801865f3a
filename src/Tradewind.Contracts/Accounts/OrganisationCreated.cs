using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

public sealed record OrganisationCreated(OrganisationId OrganisationId, OrganisationKind Kind, string CountryCode, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

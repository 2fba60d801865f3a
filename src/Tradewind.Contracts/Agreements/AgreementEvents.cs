using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Agreements;

/// <summary>A buyer accepted a plan. <see cref="Trial"/>: the agreement starts with a free trial (analytics: <c>trial_started</c>, else <c>subscribed</c>).</summary>
public sealed record AgreementCreated(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, PlanId PlanId, int PlanVersion, string CustomerIdentifier, bool Trial, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A trial ended without cancellation and the agreement became paid (<c>converted_to_paid</c>).</summary>
public sealed record TrialConverted(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A reminder that a trial ends in <see cref="DaysLeft"/> days was sent.</summary>
public sealed record TrialEndingReminderSent(AgreementId AgreementId, OrganisationId BuyerId, int DaysLeft, DateTimeOffset TrialEndsAt, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The buyer asked to cancel at <see cref="EffectiveAt"/> (the end of the period or trial).</summary>
public sealed record AgreementCancellationScheduled(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, DateTimeOffset EffectiveAt, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The buyer withdrew a scheduled cancellation.</summary>
public sealed record AgreementCancellationWithdrawn(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The agreement ended by cancellation (<c>unsubscribed</c>); entitlements end at <see cref="OccurredAt"/>.</summary>
public sealed record AgreementCancelled(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, bool DuringTrial, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A contract's term ended.</summary>
public sealed record AgreementExpired(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record AgreementSuspended(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, string Reason, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record AgreementReinstated(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, string Reason, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A new billing period began (<see cref="PeriodStart"/> to <see cref="PeriodEnd"/>, half-open).</summary>
public sealed record AgreementPeriodStarted(AgreementId AgreementId, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A buyer opened a support ticket (<c>support_ticket_opened</c>).</summary>
public sealed record SupportTicketOpened(TicketId TicketId, AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, TicketCategory Category, TicketSeverity Severity, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record SupportTicketStatusChanged(TicketId TicketId, OrganisationId SellerId, TicketStatus Status, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>Metering received the agreement's first usage record (timestamped <see cref="FirstUsageAt"/>).</summary>
public sealed record FirstUsageRecorded(AgreementId AgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, DateTimeOffset FirstUsageAt, DateTimeOffset OccurredAt) : IIntegrationEvent;

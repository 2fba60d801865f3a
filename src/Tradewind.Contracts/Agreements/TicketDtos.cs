using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Agreements;

/// <summary>Where a ticket stands: <c>open</c> (the seller owes an answer), <c>waiting</c> (on the buyer), <c>solved</c>.
/// A buyer's message reopens a waiting or solved ticket; a seller's answer makes it waiting unless the seller solves it.</summary>
public enum TicketStatus
{
    Open,
    Waiting,
    Solved,
}

public enum TicketCategory
{
    Question,
    Problem,
    Billing,
    FeatureRequest,
}

public enum TicketSeverity
{
    Low,
    Normal,
    High,
    Urgent,
}

public sealed record NewTicket(AgreementId AgreementId, TicketCategory Category, TicketSeverity Severity, string Subject, string Text);

public sealed record TicketMessageDto(string AuthorRole, string AuthorName, string Text, DateTimeOffset At);

public sealed record TicketDto(
    TicketId Id,
    AgreementId AgreementId,
    OrganisationId BuyerId,
    string BuyerName,
    OrganisationId SellerId,
    string ProductTitle,
    TicketCategory Category,
    TicketSeverity Severity,
    string Subject,
    TicketStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TicketMessageDto> Messages);

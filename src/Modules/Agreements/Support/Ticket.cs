using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.Support;

/// <summary>
/// A buyer's support request on one agreement, answered by the product's seller. <c>open</c>: the seller owes an answer;
/// <c>waiting</c>: on the buyer; <c>solved</c>. A buyer's message (re)opens it; a seller's reply makes it waiting unless
/// the seller marks it solved.
/// </summary>
internal sealed class Ticket
{
    public TicketId Id { get; init; }

    public AgreementId AgreementId { get; init; }

    public OrganisationId BuyerId { get; init; }

    public required string BuyerName { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public required string ProductTitle { get; init; }

    public TicketCategory Category { get; init; }

    public TicketSeverity Severity { get; init; }

    public required string Subject { get; init; }

    public TicketStatus Status { get; set; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<TicketMessage> Messages { get; init; } = [];

    /// <summary>The status after a message from <paramref name="role"/>, with the seller's requested status when given.</summary>
    public static TicketStatus After(string role, TicketStatus? requested) => role switch
    {
        Contracts.Accounts.Roles.Buyer => TicketStatus.Open,
        _ => requested ?? TicketStatus.Waiting,
    };
}

internal sealed class TicketMessage
{
    public Guid Id { get; init; }

    public TicketId TicketId { get; init; }

    /// <summary>1, 2, 3… within the ticket: the order of the thread, even for messages written in the same instant.</summary>
    public int Number { get; init; }

    public required string AuthorRole { get; init; }

    public required string AuthorName { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset At { get; init; }
}

using Microsoft.EntityFrameworkCore;
using Tradewind.Agreements.Agreements;
using Tradewind.Agreements.Support;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements;

internal sealed partial class AgreementsCommands
{
    public async Task<TicketDto> OpenTicketAsync(NewTicket ticket, AgreementsCaller buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(buyer);
        if (buyer.Role != Roles.Buyer)
        {
            throw new DomainException("buyers-only", "Only the buyer of an agreement opens tickets on it.", DomainErrorKind.Forbidden);
        }

        var subject = ticket.Subject?.Trim() ?? "";
        var text = ticket.Text?.Trim() ?? "";
        new Validation()
            .Require(subject.Length is >= 3 and <= 200, "subject", "Give a subject of 3 to 200 characters.")
            .Require(text.Length is >= 1 and <= 10_000, "text", "Describe the request in up to 10,000 characters.")
            .Require(Enum.IsDefined(ticket.Category), "category", "Category must be question, problem, billing or featureRequest.")
            .Require(Enum.IsDefined(ticket.Severity), "severity", "Severity must be low, normal, high or urgent.")
            .ThrowIfInvalid();

        var agreement = await db.Set<Agreement>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == ticket.AgreementId && a.BuyerId == buyer.OrganisationId, cancellationToken)
            ?? throw NotFound(ticket.AgreementId);
        var now = clock.GetUtcNow();
        var entity = new Ticket
        {
            Id = TicketId.New(clock),
            AgreementId = agreement.Id,
            BuyerId = agreement.BuyerId,
            BuyerName = agreement.BuyerName,
            SellerId = agreement.SellerId,
            ProductId = agreement.ProductId,
            ProductTitle = agreement.ProductTitle,
            Category = ticket.Category,
            Severity = ticket.Severity,
            Subject = subject,
            Status = TicketStatus.Open,
            OpenedAt = now,
            UpdatedAt = now,
        };
        entity.Messages.Add(Message(entity.Id, 1, buyer, text, now));
        db.Add(entity);
        outbox.Add(new SupportTicketOpened(entity.Id, agreement.Id, agreement.BuyerId, agreement.SellerId, agreement.ProductId, entity.Category, entity.Severity, now));
        audit.Record(buyer.Actor, buyer.OrganisationId.Value, "ticket.opened", $"ticket:{entity.Id}", $"{entity.Category}/{entity.Severity} on agreement {agreement.Id}: {subject}");
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(entity);
    }

    public async Task<TicketDto> ReplyToTicketAsync(TicketId id, string text, TicketStatus? status, AgreementsCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var body = text?.Trim() ?? "";
        new Validation()
            .Require(body.Length is >= 1 and <= 10_000, "text", "Write a message of up to 10,000 characters.")
            .Require(status is null || Enum.IsDefined(status.Value), "status", "Status must be open, waiting or solved.")
            .ThrowIfInvalid();

        var tickets = db.Set<Ticket>().Include(t => t.Messages);
        var ticket = caller.Role switch
        {
            Roles.Operator => await tickets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken),
            Roles.Seller => await tickets.SingleOrDefaultAsync(t => t.Id == id && t.SellerId == caller.OrganisationId, cancellationToken),
            _ => await tickets.SingleOrDefaultAsync(t => t.Id == id && t.BuyerId == caller.OrganisationId, cancellationToken),
        } ?? throw new DomainException("ticket-not-found", $"Ticket {id.Value} does not exist.", DomainErrorKind.NotFound);

        if (caller.Role == Roles.Buyer && status is not null and not TicketStatus.Open)
        {
            throw new ValidationFailedException("status", "A buyer's message reopens the ticket; only the seller sets waiting or solved.");
        }

        var now = clock.GetUtcNow();
        var message = Message(ticket.Id, ticket.Messages.Count + 1, caller, body, now);
        db.Add(message);
        ticket.Messages.Add(message);
        var before = ticket.Status;
        ticket.Status = Ticket.After(caller.Role, status);
        ticket.UpdatedAt = now;
        if (ticket.Status != before)
        {
            outbox.Add(new SupportTicketStatusChanged(ticket.Id, ticket.SellerId, ticket.Status, now));
        }

        audit.Record(caller.Actor, caller.OrganisationId.Value, "ticket.replied", $"ticket:{ticket.Id}", $"{caller.Role}; {before} → {ticket.Status}");
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(ticket);
    }

    private static TicketMessage Message(TicketId ticket, int number, AgreementsCaller author, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TicketId = ticket,
        Number = number,
        AuthorRole = author.Role,
        AuthorName = author.Actor.Length > 200 ? author.Actor[..200] : author.Actor,
        Text = text,
        At = now,
    };

    internal static TicketDto ToDto(Ticket t) => new(
        t.Id, t.AgreementId, t.BuyerId, t.BuyerName, t.SellerId, t.ProductTitle, t.Category, t.Severity, t.Subject, t.Status, t.OpenedAt, t.UpdatedAt,
        t.Messages.OrderBy(m => m.Number).Select(m => new TicketMessageDto(m.AuthorRole, m.AuthorName, m.Text, m.At)).ToList());
}

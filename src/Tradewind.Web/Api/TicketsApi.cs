using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Api;

/// <summary>
/// Support tickets on agreements: a buyer opens one on its own agreement, the product's seller answers, either adds
/// messages. Scoped like agreements (operator all, seller its products', buyer its own).
/// </summary>
internal static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tickets").WithTags("Tickets").RequireAuthorization();
        group.MapGet("/", List).WithSummary("Tickets you may see, most recently updated first; filter by status (open, waiting, solved)");
        group.MapGet("/{id:guid}", Get).WithSummary("One ticket with its messages");
        group.MapPost("/", Open).WithSummary("Open a ticket on one of your agreements (buyers)").RequireAuthorization(Policies.Buyer);
        group.MapPost("/{id:guid}/messages", Reply).WithSummary("Add a message; the seller may set status waiting or solved, a buyer's message reopens");
        return api;
    }

    public sealed record OpenBody(Guid AgreementId, TicketCategory? Category, TicketSeverity? Severity, string? Subject, string? Text);

    public sealed record ReplyBody(string? Text, TicketStatus? Status);

    public sealed record TicketMessageResponse(string AuthorRole, string AuthorName, string Text, DateTimeOffset At);

    public sealed record TicketResponse(
        Guid Id, Guid AgreementId, Guid BuyerId, string BuyerName, Guid SellerId, string ProductTitle, TicketCategory Category, TicketSeverity Severity, string Subject,
        TicketStatus Status, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, IReadOnlyList<TicketMessageResponse> Messages);

    private static async Task<Ok<ApiPage<TicketResponse>>> List(IAgreementsQueries agreements, ClaimsPrincipal user, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        TicketStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = Enum.TryParse<TicketStatus>(status.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ValidationFailedException("status", "Status must be open, waiting or solved.");
        }

        return TypedResults.Ok(ApiPage<TicketResponse>.From(await agreements.ListTicketsAsync(wanted, user.AgreementsCaller(), PageRequest.From(page, pageSize), cancellationToken), ToResponse));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Get(Guid id, IAgreementsQueries agreements, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await agreements.FindTicketAsync(new TicketId(id), user.AgreementsCaller(), cancellationToken) is { } found
            ? TypedResults.Ok(ToResponse(found))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Ticket {id} does not exist.", type: Problems.ProblemDetailsDefaults.TypeBase + "ticket-not-found");

    private static async Task<Created<TicketResponse>> Open(OpenBody body, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        new Validation()
            .Require(body.AgreementId != Guid.Empty, "agreementId", "Give the agreement the ticket is about.")
            .Require(body.Category is not null, "category", "Category must be question, problem, billing or featureRequest.")
            .Require(body.Severity is not null, "severity", "Severity must be low, normal, high or urgent.")
            .ThrowIfInvalid();
        var ticket = await commands.OpenTicketAsync(
            new NewTicket(new AgreementId(body.AgreementId), body.Category!.Value, body.Severity!.Value, body.Subject ?? "", body.Text ?? ""), user.AgreementsCaller(), cancellationToken);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Id}", ToResponse(ticket));
    }

    private static async Task<Ok<TicketResponse>> Reply(Guid id, ReplyBody body, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.ReplyToTicketAsync(new TicketId(id), body.Text ?? "", body.Status, user.AgreementsCaller(), cancellationToken)));

    private static TicketResponse ToResponse(TicketDto t) => new(
        t.Id.Value, t.AgreementId.Value, t.BuyerId.Value, t.BuyerName, t.SellerId.Value, t.ProductTitle, t.Category, t.Severity, t.Subject, t.Status, t.OpenedAt, t.UpdatedAt,
        t.Messages.Select(m => new TicketMessageResponse(m.AuthorRole, m.AuthorName, m.Text, m.At)).ToList());
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Account.Subscriptions;

/// <summary>One subscription: its terms, entitlements, usage, and what the buyer can do — cancel, withdraw a cancellation,
/// continue to the seller's setup, resubscribe, ask for support.</summary>
internal sealed class DetailsModel(IAgreementsQueries agreements, IAgreementsCommands commands, IUsageQueries usage, TimeProvider clock) : PageModel
{
    public AgreementDto Agreement { get; private set; } = null!;

    public IReadOnlyList<TicketDto> Tickets { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public FulfilmentHandoff? Handoff { get; private set; }

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>What the page that sent the buyer here did (an offer accepted into this agreement).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>What was reported in the current billing period (the trial, before paid periods begin), per dimension.</summary>
    public IReadOnlyList<(string Dimension, long Quantity, long Records)> Usage { get; private set; } = [];

    /// <summary>The instants <see cref="Usage"/> covers, <c>[From, To)</c>.</summary>
    public (DateTimeOffset From, DateTimeOffset To) UsagePeriod { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationTiming effective, CancellationToken cancellationToken) =>
        ActAsync(id, () => commands.CancelAsync(new AgreementId(id), effective, User.AgreementsCaller(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => commands.ResumeAsync(new AgreementId(id), User.AgreementsCaller(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSetupAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Handoff = await commands.IssueRegistrationTokenAsync(new AgreementId(id), User.AgreementsCaller(), cancellationToken);
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            Error = exception.Message;
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTicketAsync(Guid id, TicketCategory category, TicketSeverity severity, string? subject, string? text, CancellationToken cancellationToken)
    {
        try
        {
            var ticket = await commands.OpenTicketAsync(new NewTicket(new AgreementId(id), category, severity, subject ?? "", text ?? ""), User.AgreementsCaller(), cancellationToken);
            return Redirect($"/account/tickets/{ticket.Id.Value}");
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            Error = FieldErrors.Sentence(exception);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<AgreementDto>> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return Redirect($"/account/subscriptions/{id}");
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            Error = exception.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        if (await agreements.FindAsync(new AgreementId(id), User.AgreementsCaller(), cancellationToken) is not { } agreement)
        {
            return false;
        }

        Agreement = agreement;
        await LoadUsageAsync(agreement, cancellationToken);
        var tickets = await agreements.ListTicketsAsync(null, User.AgreementsCaller(), new PageRequest(1, PageRequest.MaxSize), cancellationToken);
        Tickets = tickets.Items.Where(t => t.AgreementId == agreement.Id).ToList();
        return true;
    }

    private async Task LoadUsageAsync(AgreementDto agreement, CancellationToken cancellationToken)
    {
        var from = agreement.PeriodStart ?? agreement.AcceptedAt;
        var to = agreement.PeriodEnd ?? agreement.TrialEndsAt ?? agreement.EndedAt ?? Now;
        if (agreement.EndedAt is { } ended && ended < to)
        {
            to = ended;
        }

        UsagePeriod = (from, to);
        if (to <= from)
        {
            return;
        }

        var totals = await usage.GetTotalsAsync(new UsageQuery(from, to, UsageGranularity.Total, AgreementId: agreement.Id), User.UsageCaller(), cancellationToken);
        Usage = totals.GroupBy(t => t.Dimension, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(t => t.Quantity), g.Sum(t => t.Records)))
            .OrderBy(u => u.Key, StringComparer.Ordinal)
            .ToList();
    }
}

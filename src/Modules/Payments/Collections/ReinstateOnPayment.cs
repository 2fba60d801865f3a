using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Payments.Collections;

/// <summary>
/// An invoice that dunning suspended agreements for is paid (by card, or recorded by the operator) or voided: the
/// agreements it suspended are reinstated, except one another unpaid invoice still holds suspended. Recorded as the
/// invoice's <c>reinstate</c> step, once.
/// </summary>
internal sealed class ReinstateOnPayment(TradewindDbContext db, IAgreementsCommands agreements, TimeProvider clock)
    : IIntegrationEventConsumer<InvoicePaid>, IIntegrationEventConsumer<InvoiceVoided>
{
    public Task ConsumeAsync(InvoicePaid integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ReinstateAsync(integrationEvent.InvoiceId, integrationEvent.BuyerId, $"Invoice {integrationEvent.Number} was paid", cancellationToken);
    }

    public Task ConsumeAsync(InvoiceVoided integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ReinstateAsync(integrationEvent.InvoiceId, integrationEvent.BuyerId, $"Invoice {integrationEvent.Number} was voided", cancellationToken);
    }

    private async Task ReinstateAsync(InvoiceId invoiceId, OrganisationId buyerId, string reason, CancellationToken cancellationToken)
    {
        var steps = await db.Set<DunningStep>().AsNoTracking().Where(s => s.InvoiceId == invoiceId).ToListAsync(cancellationToken);
        if (steps.SingleOrDefault(s => s.Step == DunningSchedule.Suspend) is not { } suspension || steps.Any(s => s.Step == DunningSchedule.Reinstate))
        {
            return;
        }

        // Agreements another invoice's suspension still holds: its suspend step has no reinstate step yet.
        var others = await db.Set<DunningStep>().AsNoTracking()
            .Where(s => s.BuyerId == buyerId && s.InvoiceId != invoiceId && (s.Step == DunningSchedule.Suspend || s.Step == DunningSchedule.Reinstate))
            .ToListAsync(cancellationToken);
        var held = others.GroupBy(s => s.InvoiceId)
            .Where(g => g.All(s => s.Step == DunningSchedule.Suspend))
            .SelectMany(g => g.SelectMany(s => Ids(s.Agreements)))
            .ToHashSet();

        await db.InTransactionAsync(
            async ct =>
            {
                var reinstated = new List<AgreementId>();
                foreach (var id in Ids(suspension.Agreements).Where(a => !held.Contains(a)))
                {
                    try
                    {
                        await agreements.ReinstateAsync(id, reason, new AgreementsCaller(buyerId, Roles.Operator, CollectionsCommands.DunningActor), ct);
                        reinstated.Add(id);
                    }
                    catch (DomainException)
                    {
                        // Cancelled or ended meanwhile, or reinstated by hand: nothing to do.
                    }
                }

                var now = clock.GetUtcNow();
                db.Add(new DunningStep
                {
                    Id = Guid.CreateVersion7(now),
                    InvoiceId = invoiceId,
                    InvoiceNumber = suspension.InvoiceNumber,
                    BuyerId = buyerId,
                    Step = DunningSchedule.Reinstate,
                    DueAt = now,
                    TakenAt = now,
                    Outcome = "reinstated",
                    Agreements = string.Join(',', reinstated.Select(a => a.ToString())),
                    Actor = CollectionsCommands.DunningActor,
                });
                await db.SaveChangesAsync(ct);
                return reinstated.Count.ToString(CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }

    private static IEnumerable<AgreementId> Ids(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(AgreementId.Parse);
}

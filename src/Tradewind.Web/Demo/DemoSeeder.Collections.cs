using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>The demo's card collections: its past invoices paid by sandbox card, and one declined and in dunning.</summary>
internal sealed partial class DemoSeeder
{
    private const string DemoGoodCard = "4242424242424242";

    private const string DemoDeclinedCard = "4000000000000002";

    /// <summary>
    /// Pays <paramref name="invoices"/> by sandbox card ten days after each was issued (the clock set back to then), in
    /// issue order. Each buyer saves the success test card before its first payment. The latest invoice is paid with
    /// the decline test card instead and stays open: the dunning run two days after its due date (when that has
    /// passed) retries the declined card and reminds the buyer; the hourly job takes the later steps. Without the
    /// collections module the invoices are marked paid, as before.
    /// </summary>
    private async Task PayDemoInvoicesByCardAsync(DemoClock demoClock, IBillingCommands billing, IReadOnlyList<InvoiceSummaryDto> invoices, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ordered = invoices.OrderBy(i => i.IssueDate).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
        if (services.GetService<ICollectionsCommands>() is not { } collections)
        {
            foreach (var invoice in ordered)
            {
                await billing.MarkPaidAsync(invoice.Id, PaidAt(invoice, now), Actor, cancellationToken);
            }

            return;
        }

        var declined = ordered.LastOrDefault();
        var cards = new Dictionary<OrganisationId, PaymentMethodId>();
        foreach (var invoice in ordered)
        {
            var paidAt = PaidAt(invoice, now);
            using (demoClock.Rewind(now - paidAt))
            {
                var buyer = new CollectionsCaller(invoice.BuyerId, Roles.Buyer, Actor);
                var number = invoice == declined ? DemoDeclinedCard : DemoGoodCard;
                if (invoice == declined || !cards.TryGetValue(invoice.BuyerId, out var card))
                {
                    card = (await collections.SavePaymentMethodAsync(new NewCard(number, 12, now.Year + 3, "123"), buyer, cancellationToken)).Id;
                    cards[invoice.BuyerId] = card;
                }

                await collections.PayInvoiceAsync(new PayInvoiceRequest(invoice.Id, card, null, null, $"demo-{invoice.Id}"), buyer, cancellationToken);
            }
        }

        if (declined is null
            || await services.GetRequiredService<IBillingQueries>().FindInvoiceAsync(declined.Id, new BillingCaller(declined.BuyerId, Roles.Buyer, Actor), cancellationToken) is not { DueDate: { } due })
        {
            return;
        }

        var dunAt = new DateTimeOffset(due.AddDays(2).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        if (dunAt < now)
        {
            using (demoClock.Rewind(now - dunAt))
            {
                await collections.RunDunningAsync(dunAt, Actor, cancellationToken);
            }
        }
    }

    private static DateTimeOffset PaidAt(InvoiceSummaryDto invoice, DateTimeOffset now)
    {
        var paidAt = new DateTimeOffset(invoice.IssueDate!.Value.AddDays(10).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
        return paidAt < now ? paidAt : now;
    }
}

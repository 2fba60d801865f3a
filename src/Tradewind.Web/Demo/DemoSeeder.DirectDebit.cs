using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Payments;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>
/// The demo's SEPA direct debits. The German buyer subscribes, when the history begins, to a contract of a German
/// seller: Kettenwerk Software GmbH is EMEA-eligible, so the routing rules have the EU entity in Luxembourg invoice the
/// buyer (decision 0006), in euros (the buyer's invoice currency), month by month. The buyer signs a SEPA Core mandate
/// with the EU entity on the same day; each monthly invoice is pre-notified when it is finalized and collected on its
/// due date in a pain.008.001.08 batch (the first <c>FRST</c>, later ones <c>RCUR</c>), which the bank settles, so the
/// invoice shows paid, the ledger posts the payment and the seller's payout includes it. The latest invoice waits,
/// pre-notified, for its batch.
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>The debtor account: the test IBAN the German banks document (Commerzbank Köln) and its BIC.</summary>
    private const string DirectDebitIban = "DE89 3704 0044 0532 0130 00";

    private const string DirectDebitBic = "COBADEFFXXX";

    /// <summary>The EMEA-eligible seller and its product the German buyer pays by direct debit (twelve monthly installments).</summary>
    private const string DirectDebitSeller = "Kettenwerk Software GmbH";

    private const string DirectDebitProduct = "Kettenwerk Single Sign-On";

    /// <summary>The operator entity that collects: the only one with a SEPA creditor identifier.</summary>
    private const string DirectDebitEntity = "EU";

    /// <summary>How many days before the collection date the operator sends the batch to its bank.</summary>
    private const int DirectDebitBatchLeadDays = 5;

    /// <summary>
    /// With the clock set back to when the history begins, the German buyer subscribes to <see cref="DirectDebitProduct"/>
    /// on its plan paid in monthly installments, and signs its mandate with the EU entity. Skipped without the demo
    /// clock, the webhook publisher (agreements notify their seller) or the bank collections.
    /// </summary>
    private async Task SeedDirectDebitCustomerAsync(List<(OrganisationDto Organisation, UserDto User)> buyers, CancellationToken cancellationToken)
    {
        if (clock is not DemoClock demoClock || services.GetService<IWebhookPublisher>() is null || services.GetService<IBankCollectionCommands>() is not { } bank
            || buyers.FirstOrDefault(b => b.Organisation.CountryCode == "DE") is not { Organisation: { } german, User: { } user })
        {
            return;
        }

        var sellers = await accountsQueries.ListOrganisationsAsync(OrganisationKind.Seller, new PageRequest(1, PageRequest.MaxSize), cancellationToken);
        if (sellers.Items.FirstOrDefault(s => s.Name == DirectDebitSeller) is not { } seller)
        {
            return;
        }

        var catalogQueries = services.GetRequiredService<ICatalogQueries>();
        var products = await catalogQueries.ListBySellerAsync(seller.Id, new PageRequest(1, 20), cancellationToken);
        if (products.Items.FirstOrDefault(p => p.Title == DirectDebitProduct) is not { } product
            || await catalogQueries.FindPublishedBySlugAsync(product.Slug, cancellationToken) is not { } listing
            || listing.Plans.FirstOrDefault(p => p.Terms.Contract is { Installments: > 1 } contract && contract.Installments == contract.TermMonths) is not { } plan)
        {
            return;
        }

        var agreements = services.GetRequiredService<IAgreementsCommands>();
        var licenceVersion = listing.Licence.Kind == LicenceKind.Standard ? StandardContract.CurrentVersion : $"revision-{listing.Revision}";
        using (demoClock.Rewind(HistoryAcceptedAgo))
        {
            await agreements.SubscribeAsync(
                new SubscribeRequest(listing.Id, plan.PlanId, licenceVersion, "en"), new AgreementsCaller(german.Id, Roles.Buyer, user.Email), cancellationToken);
            await bank.CreateMandateAsync(german.Id, new NewSepaMandate(german.Name, DirectDebitIban, DirectDebitBic, Accepted: true, DirectDebitEntity), user.Email, cancellationToken);
        }

        await agreements.SweepAsync(cancellationToken);
    }

    /// <summary>
    /// Delivers the outbox at the clock's time. Called right after each monthly billing run with the clock set back to
    /// it, so Payments records the run's invoices and pre-notifies their direct debits on the day they were issued, as
    /// the background dispatcher would have.
    /// </summary>
    private async Task DeliverOutboxAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<OutboxProcessor>() is not { } outbox)
        {
            return;
        }

        while (await outbox.DispatchPendingAsync(cancellationToken) > 0)
        {
        }
    }

    /// <summary>
    /// The operator's direct-debit routine over the history, in date order: <see cref="DirectDebitBatchLeadDays"/> days
    /// before each collection date that has come, the batch of the collections due then is built (the clock set back
    /// to then); on the collection date, when it has passed, the bank settles it and the invoices are paid. Collections
    /// further ahead stay scheduled. Returns the invoices collected (or to be collected) by direct debit, which the card
    /// payments leave alone.
    /// </summary>
    private async Task<HashSet<InvoiceId>> CollectDirectDebitsAsync(DemoClock demoClock, CancellationToken cancellationToken)
    {
        if (services.GetService<IBankCollectionCommands>() is not { } bank || services.GetService<IBankCollectionQueries>() is not { } bankQueries)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var scheduled = await DirectDebitCollectionsAsync(bankQueries, DirectDebitCollectionStatus.Scheduled, cancellationToken);
        foreach (var date in scheduled.Select(c => c.DueDate).Distinct().Order())
        {
            var sentAt = new DateTimeOffset(date.AddDays(-DirectDebitBatchLeadDays).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            if (sentAt >= now)
            {
                break;
            }

            IReadOnlyList<DirectDebitBatchDto> batches;
            using (demoClock.Rewind(now - sentAt))
            {
                batches = await bank.CreateBatchesAsync(new NewDirectDebitBatches(date, DirectDebitEntity), Actor, cancellationToken);
            }

            if (date > today)
            {
                continue;
            }

            var settledAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            settledAt = settledAt < now ? settledAt : now;
            foreach (var batch in batches)
            {
                using (demoClock.Rewind(now - settledAt))
                {
                    await bank.SettleBatchAsync(batch.Id, settledAt, Actor, cancellationToken);
                }
            }
        }

        return await DirectDebitInvoicesAsync(cancellationToken);
    }

    /// <summary>The invoices a direct debit collects or will collect (every collection not cancelled).</summary>
    private async Task<HashSet<InvoiceId>> DirectDebitInvoicesAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IBankCollectionQueries>() is not { } bankQueries)
        {
            return [];
        }

        var all = await DirectDebitCollectionsAsync(bankQueries, null, cancellationToken);
        return all.Where(c => c.Status != DirectDebitCollectionStatus.Cancelled).Select(c => c.InvoiceId).ToHashSet();
    }

    private static async Task<List<DirectDebitCollectionDto>> DirectDebitCollectionsAsync(
        IBankCollectionQueries bankQueries, DirectDebitCollectionStatus? status, CancellationToken cancellationToken)
    {
        var collections = new List<DirectDebitCollectionDto>();
        for (var page = 1; ; page++)
        {
            var listed = await bankQueries.ListCollectionsAsync(status, new PageRequest(page, PageRequest.MaxSize), cancellationToken);
            collections.AddRange(listed.Items);
            if (!listed.HasNext)
            {
                return collections;
            }
        }
    }
}

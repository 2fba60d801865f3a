using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Webhooks;

namespace Tradewind.Web.Demo;

/// <summary>The demo buyers' subscriptions: trials, active, cancel-pending and cancelled agreements, and open tickets.</summary>
internal sealed partial class DemoSeeder
{
    private static readonly string[] TicketSubjects =
    [
        "Single sign-on with our Azure AD tenant fails",
        "How do we add a second workspace?",
        "Invoice shows the wrong company address",
        "Export to CSV times out for large projects",
    ];

    /// <summary>
    /// Each buyer subscribes to a few published listings through the real commands: a plan with a trial starts a trial,
    /// others start paid. Some are then cancelled (now or at period end) and some get a ticket, the first buyer most of all.
    /// Skipped when no webhook publisher is registered (the Webhooks module delivers the sellers' notifications).
    /// </summary>
    private async Task SeedAgreementsAsync(List<(OrganisationDto Organisation, UserDto User)> buyers, CancellationToken cancellationToken)
    {
        if (services.GetService<IWebhookPublisher>() is null)
        {
            LogAgreementsSkipped(logger);
            return;
        }

        var agreements = services.GetRequiredService<IAgreementsCommands>();
        var catalogQueries = services.GetRequiredService<ICatalogQueries>();
        var published = await catalogQueries.ListPublishedAsync(null, new PageRequest(1, 60), cancellationToken);
        var listings = new List<ListingDto>();
        foreach (var summary in published.Items)
        {
            if (await catalogQueries.FindPublishedBySlugAsync(summary.Slug, cancellationToken) is { Plans.Count: > 0 } listing)
            {
                listings.Add(listing);
            }
        }

        if (listings.Count == 0)
        {
            return;
        }

        var opened = 0;
        for (var b = 0; b < buyers.Count; b++)
        {
            var (organisation, user) = buyers[b];
            var caller = new AgreementsCaller(organisation.Id, Roles.Buyer, user.Email);
            var count = b == 0 ? 5 : 2;
            for (var n = 0; n < count; n++)
            {
                var listing = listings[((b * 7) + (n * 11)) % listings.Count];
                if (listing.Availability.ExcludedCountries.Contains(organisation.CountryCode, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var plan = listing.Plans.FirstOrDefault(p => (n % 2 == 0) == (p.Terms.FreeTrial is not null)) ?? listing.Plans[0];
                var licenceVersion = listing.Licence.Kind == LicenceKind.Standard ? StandardContract.CurrentVersion : $"revision-{listing.Revision}";
                Subscription subscription;
                try
                {
                    subscription = await agreements.SubscribeAsync(new SubscribeRequest(listing.Id, plan.PlanId, licenceVersion, "en"), caller, cancellationToken);
                }
                catch (DomainException)
                {
                    // The same listing came round twice for this buyer: one agreement is enough.
                    continue;
                }

                var id = subscription.Agreement.Id;
                switch ((b + n) % 5)
                {
                    case 3:
                        await agreements.CancelAsync(id, CancellationTiming.Immediately, caller, cancellationToken);
                        break;
                    case 4:
                        await agreements.CancelAsync(id, CancellationTiming.EndOfPeriod, caller, cancellationToken);
                        break;
                    default:
                        if ((b + n) % 3 == 0 || b == 0)
                        {
                            var subject = TicketSubjects[opened++ % TicketSubjects.Length];
                            await agreements.OpenTicketAsync(
                                new NewTicket(id, n % 2 == 0 ? TicketCategory.Problem : TicketCategory.Question, (TicketSeverity)(n % 4), subject,
                                    $"{subject}. We tried again this morning with the same result; could you have a look?"),
                                caller,
                                cancellationToken);
                        }

                        break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo subscriptions skipped: no webhook publisher is registered")]
    private static partial void LogAgreementsSkipped(ILogger logger);
}

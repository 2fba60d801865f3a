using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Agreements.Agreements;
using Tradewind.Agreements.Fulfilment;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements;

internal sealed partial class AgreementsCommands(
    TradewindDbContext db,
    ICatalogQueries catalog,
    IAccountsQueries accounts,
    IWebhookPublisher webhooks,
    Outbox outbox,
    AuditTrail audit,
    IOptions<AgreementsOptions> options,
    TimeProvider clock,
    ILogger<AgreementsCommands> logger) : IAgreementsCommands
{
    public async Task<Subscription> SubscribeAsync(SubscribeRequest request, AgreementsCaller buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(buyer);
        if (buyer.Role != Roles.Buyer)
        {
            throw new DomainException("buyers-only", "Only a buyer organisation can subscribe.", DomainErrorKind.Forbidden);
        }

        var organisation = await accounts.FindOrganisationAsync(buyer.OrganisationId, cancellationToken)
            ?? throw new DomainException("organisation-not-found", $"Organisation {buyer.OrganisationId} does not exist.", DomainErrorKind.NotFound);
        var (listing, plan) = await FindPublishedPlanAsync(request.ProductId, request.PlanId, cancellationToken);

        // The listing's availability: a seller may exclude countries (export controls, sanctions, its own reach).
        if (listing.Availability.ExcludedCountries.Contains(organisation.CountryCode, StringComparer.OrdinalIgnoreCase))
        {
            throw new DomainException("country-excluded", $"{listing.Title} is not offered to buyers in {organisation.CountryCode}.");
        }

        var licence = CurrentLicence(listing, request.Language);
        if (!string.Equals(request.LicenceVersion?.Trim(), licence.Version, StringComparison.Ordinal))
        {
            throw new DomainException("licence-version-changed",
                $"The licence of {listing.Title} is now version {licence.Version}; read it and accept that version (acceptedLicenceVersion).", DomainErrorKind.Conflict);
        }

        var now = clock.GetUtcNow();
        var (subscription, agreement) = await SaveAsync(
            async ct =>
            {
                if (await db.Set<Agreement>().AnyAsync(a => a.BuyerId == buyer.OrganisationId && a.ProductId == listing.Id && InForceStatuses.Contains(a.Status), ct))
                {
                    throw new DomainException("agreement-exists", $"Your organisation already subscribes to {listing.Title}; cancel that agreement first.", DomainErrorKind.Conflict);
                }

                // Touching the customer row serialises two subscribes of one buyer to one product: the second fails its update.
                var customer = await Customer.ForNewAgreementAsync(db, buyer.OrganisationId, listing.Id, listing.SellerId, now, ct);
                var trialAllowed = !customer.HadTrial;
                var agreement = Agreement.Accept(
                    AgreementId.New(clock), customer.Identifier, organisation.Id, organisation.Name, organisation.CountryCode, listing, plan, licence,
                    TermsJson.Write(plan.Terms), trialAllowed, now);
                customer.HadTrial |= agreement.Status == AgreementStatus.Trial;
                db.Add(agreement);

                var handoff = IssueToken(agreement, listing.FulfilmentUrl, now);
                var trial = agreement.Status == AgreementStatus.Trial;
                outbox.Add(new AgreementCreated(agreement.Id, agreement.BuyerId, agreement.SellerId, agreement.ProductId, agreement.PlanId, agreement.PlanVersion, agreement.CustomerIdentifier, trial, now));
                await NotifyAsync(WebhookMessageTypes.SubscribeSuccess, agreement, now, ct);
                if (trial)
                {
                    await NotifyAsync(WebhookMessageTypes.FreeTrialStarted, agreement, now, ct);
                }

                audit.Record(buyer.Actor, buyer.OrganisationId.Value, "agreement.created", Subject(agreement),
                    $"{listing.Title}, plan '{plan.Terms.Name}' v{plan.Version} ({Agreement.Wire(agreement.Status)}); licence {licence.Kind} {licence.Version} read in {licence.Language}");
                await db.SaveChangesAsync(ct);
                return (new Subscription(ToDto(agreement), handoff), agreement);
            },
            () => new DomainException("agreement-exists", $"Your organisation already subscribes to {listing.Title}.", DomainErrorKind.Conflict),
            cancellationToken);
        LogSubscribed(logger, agreement.Id.Value, agreement.ProductId.Value, agreement.Status);
        return subscription;
    }

    public async Task<FulfilmentHandoff> IssueRegistrationTokenAsync(AgreementId id, AgreementsCaller buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        var agreement = await db.Set<Agreement>().SingleOrDefaultAsync(a => a.Id == id && a.BuyerId == buyer.OrganisationId, cancellationToken)
            ?? throw NotFound(id);
        if (!agreement.InForce || agreement.Status == AgreementStatus.Suspended)
        {
            throw new DomainException("agreement-not-in-force", $"Agreement {id} is {Agreement.Wire(agreement.Status)}; there is nothing to set up.", DomainErrorKind.Conflict);
        }

        var listing = await catalog.FindPublishedBySlugAsync(agreement.ProductSlug, cancellationToken);
        var handoff = IssueToken(agreement, listing?.FulfilmentUrl, clock.GetUtcNow());
        audit.Record(buyer.Actor, buyer.OrganisationId.Value, "registration-token.issued", Subject(agreement));
        await db.SaveChangesAsync(cancellationToken);
        return handoff;
    }

    public async Task<ResolvedCustomer> ResolveCustomerAsync(string registrationToken, AgreementsCaller seller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        if (string.IsNullOrWhiteSpace(registrationToken) || registrationToken.Length > 200)
        {
            throw new ValidationFailedException("registrationToken", "Give the registration token the buyer's browser posted as x-amzn-marketplace-token.");
        }

        var hash = RegistrationToken.HashOf(registrationToken);
        var now = clock.GetUtcNow();
        var token = await db.Set<RegistrationToken>().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        // Another seller's token answers as unknown: a seller learns nothing about other products' customers.
        if (token is null || (seller.Role != Roles.Operator && token.SellerId != seller.OrganisationId))
        {
            throw new DomainException("registration-token-invalid", "The registration token is not one Tradewind issued for your products.", DomainErrorKind.NotFound);
        }

        if (token.ExpiresAt <= now)
        {
            throw new DomainException("registration-token-expired", $"The registration token expired at {token.ExpiresAt:O}. Ask the buyer to continue to your setup again from their subscriptions.");
        }

        // As AWS does, resolving again within the token's lifetime answers the same customer (a seller's back end may
        // retry after a lost response). The first resolve is recorded; the conditional update keeps the earliest time.
        if (token.UsedAt is null)
        {
            await db.Set<RegistrationToken>().Where(t => t.Id == token.Id && t.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        }

        var agreement = await db.Set<Agreement>().AsNoTracking().SingleAsync(a => a.Id == token.AgreementId, cancellationToken);
        return new ResolvedCustomer(
            agreement.CustomerIdentifier, agreement.ProductId.ToString(), agreement.OfferId, agreement.Id, agreement.BuyerId, agreement.BuyerName,
            agreement.BuyerCountry, agreement.Status, agreement.TrialEndsAt is not null);
    }

    public Task<AgreementDto> CancelAsync(AgreementId id, CancellationTiming timing, AgreementsCaller caller, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(timing))
        {
            throw new ValidationFailedException("effective", "Effective must be immediately or endOfPeriod.");
        }

        return ChangeAsync(id, caller, [Roles.Buyer, Roles.Operator], a => a.Cancel(timing, clock.GetUtcNow()), "agreement.cancelled", $"effective {timing}", cancellationToken);
    }

    public Task<AgreementDto> ResumeAsync(AgreementId id, AgreementsCaller caller, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, [Roles.Buyer, Roles.Operator], a => a.Resume(), "agreement.cancellation-withdrawn", "", cancellationToken);

    public Task<AgreementDto> SuspendAsync(AgreementId id, string reason, AgreementsCaller caller, CancellationToken cancellationToken)
    {
        var why = RequireReason(reason);
        return ChangeAsync(id, caller, [Roles.Seller, Roles.Operator], a => a.Suspend(why), "agreement.suspended", why, cancellationToken);
    }

    public Task<AgreementDto> ReinstateAsync(AgreementId id, string reason, AgreementsCaller caller, CancellationToken cancellationToken)
    {
        var why = RequireReason(reason);
        return ChangeAsync(id, caller, [Roles.Seller, Roles.Operator], a => a.Reinstate(), "agreement.reinstated", why, cancellationToken);
    }

    private async Task<AgreementDto> ChangeAsync(
        AgreementId id, AgreementsCaller caller, string[] roles, Func<Agreement, Transition> change, string action, string details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var agreement = await ScopedAgreements(caller).Include(a => a.Entitlements).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw NotFound(id);
        if (!roles.Contains(caller.Role, StringComparer.Ordinal))
        {
            throw new DomainException("agreement-action-forbidden", $"A {caller.Role} cannot do this to an agreement.", DomainErrorKind.Forbidden);
        }

        var transition = change(agreement);
        var now = clock.GetUtcNow();
        await AnnounceAsync(agreement, transition, now, details, cancellationToken);
        audit.Record(caller.Actor, caller.OrganisationId.Value, action, Subject(agreement), details);
        try
        {
            // One SaveChanges is one transaction: the change, its event, notifications and audit line commit together.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("agreement-changed", $"Agreement {id.Value} changed meanwhile; read it again and retry.", DomainErrorKind.Conflict);
        }

        return ToDto(agreement);
    }

    /// <summary>Writes the event, seller notifications and (for the sweep) audit line a transition calls for.</summary>
    private async Task AnnounceAsync(Agreement a, Transition transition, DateTimeOffset now, string reason, CancellationToken ct)
    {
        switch (transition)
        {
            case Transition.TrialConverted:
                outbox.Add(new TrialConverted(a.Id, a.BuyerId, a.SellerId, a.ProductId, now));
                outbox.Add(new AgreementPeriodStarted(a.Id, a.PeriodStart!.Value, a.PeriodEnd!.Value, now));
                await NotifyAsync(WebhookMessageTypes.FreeTrialConverted, a, now, ct);
                await NotifyAsync(WebhookMessageTypes.EntitlementUpdated, a, now, ct);
                break;
            case Transition.CancellationScheduled:
                outbox.Add(new AgreementCancellationScheduled(a.Id, a.BuyerId, a.SellerId, a.ProductId, a.CancelAt!.Value, now));
                await NotifyAsync(WebhookMessageTypes.UnsubscribePending, a, now, ct);
                break;
            case Transition.CancellationWithdrawn:
                outbox.Add(new AgreementCancellationWithdrawn(a.Id, a.BuyerId, a.SellerId, a.ProductId, now));
                // As on AWS: a re-subscribe while an unsubscribe is pending is announced as subscribe-success.
                await NotifyAsync(WebhookMessageTypes.SubscribeSuccess, a, now, ct);
                break;
            case Transition.Cancelled:
                outbox.Add(new AgreementCancelled(a.Id, a.BuyerId, a.SellerId, a.ProductId, a.TrialEndsAt is { } end && a.EndedAt <= end, now));
                await NotifyAsync(WebhookMessageTypes.UnsubscribeSuccess, a, now, ct);
                break;
            case Transition.Expired:
                outbox.Add(new AgreementExpired(a.Id, a.BuyerId, a.SellerId, a.ProductId, now));
                await NotifyAsync(WebhookMessageTypes.EntitlementUpdated, a, now, ct);
                await NotifyAsync(WebhookMessageTypes.UnsubscribeSuccess, a, now, ct);
                break;
            case Transition.Suspended:
                outbox.Add(new AgreementSuspended(a.Id, a.BuyerId, a.SellerId, a.ProductId, reason, now));
                await NotifyAsync(WebhookMessageTypes.EntitlementUpdated, a, now, ct);
                break;
            case Transition.Reinstated:
                outbox.Add(new AgreementReinstated(a.Id, a.BuyerId, a.SellerId, a.ProductId, reason, now));
                await NotifyAsync(WebhookMessageTypes.EntitlementUpdated, a, now, ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(transition), transition, null);
        }
    }

    private Task NotifyAsync(string type, Agreement agreement, DateTimeOffset now, CancellationToken ct) =>
        webhooks.EnqueueAsync(agreement.SellerId, type, Notifications.For(type, agreement, now, TermsJson.Read(agreement.TermsJson).FreeTrial is not null), ct);

    private FulfilmentHandoff IssueToken(Agreement agreement, string? fulfilmentUrl, DateTimeOffset now)
    {
        var (row, secret) = RegistrationToken.Issue(agreement.Id, agreement.SellerId, now, options.Value.RegistrationTokenLifetime);
        db.Add(row);
        return new FulfilmentHandoff(fulfilmentUrl, secret, row.ExpiresAt, agreement.Status == AgreementStatus.Trial);
    }

    private async Task<(ListingDto Listing, PlanVersionDto Plan)> FindPublishedPlanAsync(ProductId productId, PlanId planId, CancellationToken cancellationToken)
    {
        // The product is looked up as the operator would (any seller's), then only its storefront revision is used: a
        // draft, rejected, restricted or archived product is not available, exactly as if it did not exist.
        var product = await catalog.FindProductAsync(productId, new CatalogCaller(default, IsOperator: true, "agreements"), cancellationToken);
        var listing = product is null ? null : await catalog.FindPublishedBySlugAsync(product.Slug, cancellationToken);
        var plan = listing?.Plans.FirstOrDefault(p => p.PlanId == planId);
        if (listing is null || plan is null)
        {
            throw new DomainException("plan-not-available", $"Plan {planId.Value} of product {productId.Value} is not published on the storefront.", DomainErrorKind.NotFound);
        }

        return (listing, plan);
    }

    /// <summary>The licence a buyer accepts today: the standard contract's current version, or the seller's terms of the published revision.</summary>
    public static AcceptedLicence CurrentLicence(ListingDto listing, string? language)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var version = listing.Licence.Kind == LicenceKind.Standard ? StandardContract.CurrentVersion : $"revision-{listing.Revision}";
        var lang = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim();
        return new AcceptedLicence(listing.Licence.Kind, version, lang.Length > 20 ? lang[..20] : lang);
    }

    private IQueryable<Agreement> ScopedAgreements(AgreementsCaller caller) => caller.Role switch
    {
        Roles.Operator => db.Set<Agreement>(),
        Roles.Seller => db.Set<Agreement>().Where(a => a.SellerId == caller.OrganisationId),
        _ => db.Set<Agreement>().Where(a => a.BuyerId == caller.OrganisationId),
    };

    /// <summary>Runs a unit of work; a lost race (unique index, concurrency token) becomes <paramref name="conflict"/>.</summary>
    private async Task<T> SaveAsync<T>(Func<CancellationToken, Task<T>> work, Func<DomainException> conflict, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(work, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw conflict();
        }
    }

    private static string RequireReason(string reason)
    {
        var why = reason?.Trim() ?? "";
        new Validation().Require(why.Length is >= 3 and <= 1000, "reason", "Give a reason of 3 to 1000 characters; it is kept in the audit trail.").ThrowIfInvalid();
        return why;
    }

    internal static readonly AgreementStatus[] InForceStatuses = [AgreementStatus.Trial, AgreementStatus.Active, AgreementStatus.CancelPending, AgreementStatus.Suspended];

    private static string Subject(Agreement agreement) => $"agreement:{agreement.Id}";

    private static DomainException NotFound(AgreementId id) =>
        new("agreement-not-found", $"Agreement {id.Value} does not exist.", DomainErrorKind.NotFound);

    internal static AgreementDto ToDto(Agreement a) => new(
        a.Id, a.CustomerIdentifier, a.ProductId.ToString(), a.OfferId, a.BuyerId, a.BuyerName, a.SellerId, a.ProductId, a.ProductTitle, a.ProductSlug,
        a.PlanId, a.PlanVersion, TermsJson.Read(a.TermsJson), a.Currency, new AcceptedLicence(a.LicenceKind, a.LicenceVersion, a.LicenceLanguage), a.Status,
        a.AcceptedAt, a.TrialEndsAt, a.PeriodStart, a.PeriodEnd, a.ContractEndsAt, a.CancelAt, a.EndedAt, a.SuspensionReason, a.FirstUsageAt,
        a.Entitlements.OrderBy(e => e.Dimension, StringComparer.Ordinal).ThenBy(e => e.ValidFrom).Select(ToDto).ToList(), a.PrivateOfferId);

    internal static EntitlementDto ToDto(AgreementEntitlement e) =>
        new(e.AgreementId, e.CustomerIdentifier, e.ProductId.ToString(), e.Dimension, e.Quantity, e.Unlimited, e.ValidFrom, e.ValidTo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agreement {AgreementId} created for product {ProductId} ({Status})")]
    private static partial void LogSubscribed(ILogger logger, Guid agreementId, Guid productId, AgreementStatus status);
}

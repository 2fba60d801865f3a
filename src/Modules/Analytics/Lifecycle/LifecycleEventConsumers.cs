using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Events;
using Tradewind.Analytics.Traffic.Capture;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Events;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Lifecycle;

/// <summary>
/// Turns the other modules' outbox events into lifecycle rows of <c>analytics_events</c> (docs/analytics.md, "Lifecycle
/// events and reports"). Each row has a natural dedupe key, so delivering an event twice stores it once.
/// </summary>
internal sealed class LifecycleEventConsumers(
    LifecycleEventWriter writer,
    TradewindDbContext db,
    IAccountsQueries accounts,
    IAgreementsQueries agreements,
    TimeProvider clock) :
    IIntegrationEventConsumer<AgreementCreated>,
    IIntegrationEventConsumer<FirstUsageRecorded>,
    IIntegrationEventConsumer<TrialConverted>,
    IIntegrationEventConsumer<AgreementCancelled>,
    IIntegrationEventConsumer<AgreementExpired>,
    IIntegrationEventConsumer<AgreementReplaced>,
    IIntegrationEventConsumer<SupportTicketOpened>,
    IIntegrationEventConsumer<PrivateOfferPublished>,
    IIntegrationEventConsumer<PrivateOfferViewed>,
    IIntegrationEventConsumer<PrivateOfferAccepted>,
    IIntegrationEventConsumer<PrivateOfferDeclined>,
    IIntegrationEventConsumer<PrivateOfferExpired>,
    IIntegrationEventConsumer<PrivateOfferWithdrawn>
{
    /// <summary>The system caller that reads any agreement.</summary>
    internal static readonly AgreementsCaller System = new(default, Roles.Operator, "analytics");

    public async Task ConsumeAsync(AgreementCreated e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var name = e.Trial ? AnalyticsEventNames.TrialStarted : AnalyticsEventNames.Subscribed;
        var key = $"{name}:{e.AgreementId}";
        if (await ExistsAsync(key, cancellationToken))
        {
            return;
        }

        var agreement = await agreements.FindAsync(e.AgreementId, System, cancellationToken);
        var viewId = await db.Set<ListingAttribution>().AsNoTracking()
            .Where(a => a.AgreementId == e.AgreementId)
            .Select(a => (Guid?)a.ViewId)
            .FirstOrDefaultAsync(cancellationToken);
        var trialDays = agreement?.Terms.FreeTrial?.Days ?? TrialDaysFrom(agreement);
        await writer.AppendAsync(
            Row(
                name, key, e.SellerId, e.ProductId, e.BuyerId, e.AgreementId, await CountryAsync(e.BuyerId, cancellationToken), e.OccurredAt,
                new Extra(
                    OfferType: e.Trial ? OfferTypes.PublicFreeTrial : OfferTypes.Of(agreement),
                    ViewId: viewId,
                    Detail: e.Trial ? string.Create(CultureInfo.InvariantCulture, $$"""{"trialDays":{{trialDays}}}""") : null)),
            cancellationToken);
    }

    public async Task ConsumeAsync(FirstUsageRecorded e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        await AppendAsync(AnalyticsEventNames.FirstUsage, $"{AnalyticsEventNames.FirstUsage}:{e.AgreementId}", e.SellerId, e.ProductId, e.BuyerId, e.AgreementId, e.FirstUsageAt, new Extra(), cancellationToken);
    }

    public async Task ConsumeAsync(TrialConverted e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        await AppendAsync(
            AnalyticsEventNames.ConvertedToPaid, $"{AnalyticsEventNames.ConvertedToPaid}:{e.AgreementId}", e.SellerId, e.ProductId, e.BuyerId, e.AgreementId, e.OccurredAt,
            new Extra(Detail: """{"fromOfferType":"public_free_trial"}"""), cancellationToken);
    }

    public Task ConsumeAsync(AgreementCancelled e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return UnsubscribedAsync(e.AgreementId, e.SellerId, e.ProductId, e.BuyerId, e.OccurredAt, e.DuringTrial ? "cancelled_in_trial" : "cancelled", cancellationToken);
    }

    public Task ConsumeAsync(AgreementExpired e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return UnsubscribedAsync(e.AgreementId, e.SellerId, e.ProductId, e.BuyerId, e.OccurredAt, "expired", cancellationToken);
    }

    public Task ConsumeAsync(AgreementReplaced e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return UnsubscribedAsync(e.AgreementId, e.SellerId, e.ProductId, e.BuyerId, e.OccurredAt, "replaced", cancellationToken);
    }

    public Task ConsumeAsync(SupportTicketOpened e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var detail = $$"""{"category":"{{e.Category.ToString().ToLowerInvariant()}}","severity":"{{e.Severity.ToString().ToLowerInvariant()}}"}""";
        return AppendAsync(
            AnalyticsEventNames.SupportTicketOpened, $"{AnalyticsEventNames.SupportTicketOpened}:{e.TicketId}", e.SellerId, e.ProductId, e.BuyerId, e.AgreementId, e.OccurredAt,
            new Extra(Detail: detail), cancellationToken);
    }

    public Task ConsumeAsync(PrivateOfferPublished e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return OfferAsync(AnalyticsEventNames.PrivateOfferSent, e.OfferId, e.SellerId, e.ProductId, e.BuyerId, null, e.Currency, e.ContractValueMinor, e.OccurredAt, cancellationToken);
    }

    public Task ConsumeAsync(PrivateOfferViewed e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return OfferAsync(AnalyticsEventNames.PrivateOfferViewed, e.OfferId, e.SellerId, e.ProductId, e.BuyerId, null, null, null, e.OccurredAt, cancellationToken);
    }

    public Task ConsumeAsync(PrivateOfferAccepted e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return OfferAsync(AnalyticsEventNames.PrivateOfferAccepted, e.OfferId, e.SellerId, e.ProductId, e.BuyerId, e.AgreementId, e.Currency, e.ContractValueMinor, e.OccurredAt, cancellationToken);
    }

    public Task ConsumeAsync(PrivateOfferDeclined e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return OfferAsync(AnalyticsEventNames.PrivateOfferDeclined, e.OfferId, e.SellerId, e.ProductId, e.BuyerId, null, null, null, e.OccurredAt, cancellationToken);
    }

    public Task ConsumeAsync(PrivateOfferExpired e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return OfferAsync(AnalyticsEventNames.PrivateOfferExpired, e.OfferId, e.SellerId, e.ProductId, null, null, null, null, e.OccurredAt, cancellationToken);
    }

    public Task ConsumeAsync(PrivateOfferWithdrawn e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return OfferAsync(AnalyticsEventNames.PrivateOfferWithdrawn, e.OfferId, e.SellerId, e.ProductId, null, null, null, null, e.OccurredAt, cancellationToken);
    }

    private Task UnsubscribedAsync(AgreementId agreementId, OrganisationId sellerId, ProductId productId, OrganisationId buyerId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        AppendAsync(
            AnalyticsEventNames.Unsubscribed, $"{AnalyticsEventNames.Unsubscribed}:{agreementId}", sellerId, productId, buyerId, agreementId, at,
            new Extra(Detail: $$"""{"reason":"{{reason}}"}"""), cancellationToken);

    private Task OfferAsync(
        string name, PrivateOfferId offerId, OrganisationId sellerId, ProductId productId, OrganisationId? buyerId, AgreementId? agreementId, string? currency, long? amountMinor,
        DateTimeOffset at, CancellationToken cancellationToken) =>
        AppendAsync(
            name, $"{name}:{offerId}", sellerId, productId, buyerId, agreementId, at,
            new Extra(OfferId: offerId, Currency: currency, AmountMinor: amountMinor), cancellationToken);

    private async Task AppendAsync(
        string name, string key, OrganisationId sellerId, ProductId productId, OrganisationId? buyerId, AgreementId? agreementId, DateTimeOffset at,
        Extra extra, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(key, cancellationToken))
        {
            return;
        }

        var country = buyerId is { } buyer ? await CountryAsync(buyer, cancellationToken) : null;
        await writer.AppendAsync(Row(name, key, sellerId, productId, buyerId, agreementId, country, at, extra), cancellationToken);
    }

    private AnalyticsEvent Row(
        string name, string key, OrganisationId sellerId, ProductId productId, OrganisationId? buyerId, AgreementId? agreementId, string? country, DateTimeOffset at, Extra extra) =>
        new()
        {
            OfferType = extra.OfferType,
            AttributionViewId = extra.ViewId,
            Detail = extra.Detail,
            OfferId = extra.OfferId,
            Currency = extra.Currency,
            AmountMinor = extra.AmountMinor,
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Name = name,
            DedupeKey = key,
            OccurredAt = at,
            ReceivedAt = clock.GetUtcNow(),
            SellerId = sellerId,
            ProductId = productId,
            BuyerId = buyerId,
            AgreementId = agreementId,
            Country = country,
        };

    /// <summary>The columns only some lifecycle events carry.</summary>
    private sealed record Extra(
        string? OfferType = null, Guid? ViewId = null, string? Detail = null, PrivateOfferId? OfferId = null, string? Currency = null, long? AmountMinor = null);

    private Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        db.Set<AnalyticsEvent>().AnyAsync(e => e.DedupeKey == key, cancellationToken);

    /// <summary>The buyer's billing country (its billing profile's address, else the organisation's country).</summary>
    private async Task<string?> CountryAsync(OrganisationId buyerId, CancellationToken cancellationToken)
    {
        var profile = await accounts.FindBuyerProfileAsync(buyerId, cancellationToken);
        if (profile is not null)
        {
            return profile.Address.CountryCode;
        }

        return (await accounts.FindOrganisationAsync(buyerId, cancellationToken))?.CountryCode;
    }

    private static int TrialDaysFrom(AgreementDto? agreement) =>
        agreement?.TrialEndsAt is { } end ? (int)Math.Round((end - agreement.AcceptedAt).TotalDays, MidpointRounding.AwayFromZero) : OfferTypes.DefaultTrialDays;
}

/// <summary>The <c>offer_type</c> values of the event store.</summary>
internal static class OfferTypes
{
    public const string PublicFreeTrial = "public_free_trial";
    public const string FreeTier = "free_tier";
    public const string PublicPayg = "public_payg";
    public const string PublicContract = "public_contract";
    public const string PrivateContract = "private_contract";
    public const string PrivatePayg = "private_payg";

    /// <summary>The trial length assumed when an event does not say (the spec's example).</summary>
    public const int DefaultTrialDays = 14;

    /// <summary>
    /// What a subscription without a trial bought: private when it came from a private offer; a contract when the terms
    /// have one; a free tier when nothing is priced (only free units, or every price zero); pay-as-you-go otherwise.
    /// </summary>
    public static string Of(AgreementDto? agreement)
    {
        if (agreement is null)
        {
            return PublicPayg;
        }

        var terms = agreement.Terms;
        var isPrivate = agreement.PrivateOfferId is not null;
        if (terms.Contract is not null)
        {
            return isPrivate ? PrivateContract : PublicContract;
        }

        if (isPrivate)
        {
            return PrivatePayg;
        }

        return IsFree(terms) ? FreeTier : PublicPayg;
    }

    internal static bool IsFree(PlanTerms terms) =>
        terms.Dimensions is not { Count: > 0 } dimensions || dimensions.All(d => d.Price is null || IsZero(d.Price));

    private static bool IsZero(PriceModelTerms price) => price.Model switch
    {
        PriceModelKind.PerUnit => Zero(price.UnitPrice),
        PriceModelKind.Package => Zero(price.PackagePrice),
        _ => price.Tiers is null || price.Tiers.All(t => Zero(t.UnitPrice)),
    };

    private static bool Zero(string? amount) =>
        amount is null || (decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value == 0m);
}

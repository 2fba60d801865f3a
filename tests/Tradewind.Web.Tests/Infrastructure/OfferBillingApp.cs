using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// The billing host with agreements that look, to every reader of <see cref="IAgreementsQueries"/>, as a private offer's
/// agreement does: the test subscribes to a plan as usual, then restates the agreement (the offer's terms in its currency,
/// a dated schedule, the offer's id, or <c>replaced</c> at an instant). Billing reads agreements only through that
/// interface, so the run sees exactly what it would see for an agreement accepted from an offer.
/// </summary>
public class OfferBillingApp : BillingApp
{
    private readonly ConcurrentDictionary<AgreementId, Func<AgreementDto, AgreementDto>> _restated = new();

    /// <summary>From now on, <paramref name="id"/> reads as <paramref name="restate"/> makes it (replacing an earlier restatement).</summary>
    public void Restate(AgreementId id, Func<AgreementDto, AgreementDto> restate) => _restated[id] = restate;

    /// <summary>A private offer's agreement: <paramref name="terms"/> in their currency, from offer <paramref name="offer"/>.</summary>
    public void AsPrivateOffer(AgreementId id, Func<Contracts.Catalog.PlanTerms, Contracts.Catalog.PlanTerms> terms, PrivateOfferId offer, Func<AgreementDto, AgreementDto>? more = null) =>
        Restate(id, a =>
        {
            var restated = terms(a.Terms);
            var dto = a with { Terms = restated, Currency = restated.Currency, PrivateOfferId = offer };
            return more is null ? dto : more(dto);
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(IAgreementsQueries));
            services.Remove(registered);
            services.AddScoped<IAgreementsQueries>(sp => new RestatedAgreements(Inner(sp, registered), this));
        });
    }

    private static IAgreementsQueries Inner(IServiceProvider services, ServiceDescriptor registered) =>
        registered.ImplementationFactory is { } factory
            ? (IAgreementsQueries)factory(services)
            : (IAgreementsQueries)ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);

    private AgreementDto Apply(AgreementDto agreement) => _restated.TryGetValue(agreement.Id, out var restate) ? restate(agreement) : agreement;

    private sealed class RestatedAgreements(IAgreementsQueries inner, OfferBillingApp app) : IAgreementsQueries
    {
        public async Task<Page<AgreementDto>> ListAsync(AgreementFilter filter, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken)
        {
            var found = await inner.ListAsync(filter, caller, page, cancellationToken);
            return found with { Items = found.Items.Select(app.Apply).ToList() };
        }

        public async Task<AgreementDto?> FindAsync(AgreementId id, AgreementsCaller caller, CancellationToken cancellationToken) =>
            await inner.FindAsync(id, caller, cancellationToken) is { } found ? app.Apply(found) : null;

        public Task<Page<EntitlementDto>> ListEntitlementsAsync(ProductId? productId, string? customerIdentifier, string? dimension, DateTimeOffset? at, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken) =>
            inner.ListEntitlementsAsync(productId, customerIdentifier, dimension, at, caller, page, cancellationToken);

        public Task<EntitlementDto?> FindEntitlementAsync(string customerIdentifier, ProductId productId, string dimension, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.FindEntitlementAsync(customerIdentifier, productId, dimension, at, cancellationToken);

        public Task<IReadOnlyList<MeteringCustomer>> FindMeteringCustomersAsync(IReadOnlyCollection<string> customerIdentifiers, IReadOnlyCollection<AgreementId> agreementIds, DateTimeOffset since, CancellationToken cancellationToken) =>
            inner.FindMeteringCustomersAsync(customerIdentifiers, agreementIds, since, cancellationToken);

        public async Task<IReadOnlyList<AgreementDto>> ListWithPeriodsEndedAsync(DateTimeOffset asOf, int limit, CancellationToken cancellationToken) =>
            (await inner.ListWithPeriodsEndedAsync(asOf, limit, cancellationToken)).Select(app.Apply).ToList();

        public async Task<IReadOnlyList<AgreementDto>> ListForBillingAsync(DateTimeOffset acceptedBefore, DateTimeOffset endedAfter, int skip, int take, CancellationToken cancellationToken) =>
            (await inner.ListForBillingAsync(acceptedBefore, endedAfter, skip, take, cancellationToken)).Select(app.Apply).ToList();

        public async Task<AgreementDto?> FindInForceAsync(OrganisationId buyerId, ProductId productId, CancellationToken cancellationToken) =>
            await inner.FindInForceAsync(buyerId, productId, cancellationToken) is { } found ? app.Apply(found) : null;

        public Task<IReadOnlyList<EntitlementInForce>> ListEntitlementsInForceAsync(EntitlementsInForceSearch search, int skip, int take, CancellationToken cancellationToken) =>
            inner.ListEntitlementsInForceAsync(search, skip, take, cancellationToken);

        public async Task<IReadOnlyList<AgreementDto>> SearchSellerAgreementsAsync(SellerAgreementSearch search, int skip, int take, CancellationToken cancellationToken) =>
            (await inner.SearchSellerAgreementsAsync(search, skip, take, cancellationToken)).Select(app.Apply).ToList();

        public Task<Page<TicketDto>> ListTicketsAsync(TicketStatus? status, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken) =>
            inner.ListTicketsAsync(status, caller, page, cancellationToken);

        public Task<TicketDto?> FindTicketAsync(TicketId id, AgreementsCaller caller, CancellationToken cancellationToken) =>
            inner.FindTicketAsync(id, caller, cancellationToken);
    }
}

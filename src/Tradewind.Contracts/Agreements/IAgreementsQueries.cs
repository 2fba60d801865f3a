using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Agreements;

/// <summary>Reads agreements, entitlements and tickets; any module may call these.</summary>
public interface IAgreementsQueries
{
    /// <summary>Agreements the caller may see (operator: all; seller: its products'; buyer: its own), newest first.</summary>
    Task<Page<AgreementDto>> ListAsync(AgreementFilter filter, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One agreement; null when it does not exist or the caller may not see it.</summary>
    Task<AgreementDto?> FindAsync(AgreementId id, AgreementsCaller caller, CancellationToken cancellationToken);

    /// <summary>Entitlements the caller may see, optionally for one product, customer or dimension, valid at <paramref name="at"/> when given.</summary>
    Task<Page<EntitlementDto>> ListEntitlementsAsync(ProductId? productId, string? customerIdentifier, string? dimension, DateTimeOffset? at, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// For metering: the entitlement of a customer to a product's dimension at an instant, from the agreement in force;
    /// null when there is none. Not scoped: the caller checks that the product is the seller's.
    /// </summary>
    Task<EntitlementDto?> FindEntitlementAsync(string customerIdentifier, ProductId productId, string dimension, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// For metering: the customers named by <paramref name="customerIdentifiers"/> or owning <paramref name="agreementIds"/>,
    /// each with its agreements that were in force at or after <paramref name="since"/> (their entitlements and the
    /// plan's dimensions). Unknown identifiers are simply absent. Not scoped: the caller checks the seller.
    /// </summary>
    Task<IReadOnlyList<MeteringCustomer>> FindMeteringCustomersAsync(IReadOnlyCollection<string> customerIdentifiers, IReadOnlyCollection<AgreementId> agreementIds, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>For billing: agreements (trial excluded) whose billing period ended at or before <paramref name="asOf"/>, oldest first.</summary>
    Task<IReadOnlyList<AgreementDto>> ListWithPeriodsEndedAsync(DateTimeOffset asOf, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// For billing runs: agreements (any status, trials included) accepted before <paramref name="acceptedBefore"/> that had
    /// not ended by <paramref name="endedAfter"/> (still running, or ended after it), in id order, the window
    /// <c>[skip, skip + take)</c> of that order. Not scoped: billing runs as the operator.
    /// </summary>
    Task<IReadOnlyList<AgreementDto>> ListForBillingAsync(DateTimeOffset acceptedBefore, DateTimeOffset endedAfter, int skip, int take, CancellationToken cancellationToken);

    /// <summary>The current buyer's agreement in force for a product, if any (for the listing page).</summary>
    Task<AgreementDto?> FindInForceAsync(OrganisationId buyerId, ProductId productId, CancellationToken cancellationToken);

    /// <summary>
    /// For the AWS-compatible <c>GetEntitlements</c>: the entitlements of one seller's product in force at
    /// <paramref name="search"/>.At (agreements in trial, active or cancel_pending; suspended ones grant nothing), ordered by
    /// customer identifier, dimension and id, the window <c>[skip, skip + take)</c> of that order.
    /// </summary>
    Task<IReadOnlyList<EntitlementInForce>> ListEntitlementsInForceAsync(EntitlementsInForceSearch search, int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// For the AWS-compatible <c>SearchAgreements</c>: one seller's agreements matching <paramref name="search"/>, in its
    /// order (ties broken by id), the window <c>[skip, skip + take)</c> of that order.
    /// </summary>
    Task<IReadOnlyList<AgreementDto>> SearchSellerAgreementsAsync(SellerAgreementSearch search, int skip, int take, CancellationToken cancellationToken);

    Task<Page<TicketDto>> ListTicketsAsync(TicketStatus? status, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken);

    Task<TicketDto?> FindTicketAsync(TicketId id, AgreementsCaller caller, CancellationToken cancellationToken);
}

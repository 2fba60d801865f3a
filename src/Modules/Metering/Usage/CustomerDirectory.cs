using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>
/// The customers a submission names, with their agreements, asked of Agreements once per submission and remembered
/// for <see cref="MeteringOptions.CustomerCacheLifetime"/> (a few seconds). Only found customers are remembered, so a
/// new subscription is usable at once; a cancellation or suspension is seen within the lifetime. Records are judged by
/// their own timestamp against the agreement's dates either way, so the staleness only matters for a suspension.
/// </summary>
internal sealed class CustomerDirectory(IMemoryCache cache, IOptions<MeteringOptions> options)
{
    /// <summary>The customers named by identifier or by one of their agreements, with agreements in force at or after <paramref name="since"/>.</summary>
    public async Task<(IReadOnlyDictionary<string, MeteringCustomer> ByIdentifier, IReadOnlyDictionary<AgreementId, MeteringCustomer> ByAgreement)> FindAsync(
        IAgreementsQueries agreements, IReadOnlyCollection<string> identifiers, IReadOnlyCollection<AgreementId> agreementIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var byIdentifier = new Dictionary<string, MeteringCustomer>(StringComparer.Ordinal);
        var byAgreement = new Dictionary<AgreementId, MeteringCustomer>();
        var missingIdentifiers = new List<string>();
        var missingAgreements = new List<AgreementId>();
        foreach (var identifier in identifiers)
        {
            if (cache.TryGetValue(CustomerKey(identifier), out CachedCustomer? cached) && cached!.Since <= since)
            {
                byIdentifier[identifier] = cached.Customer;
            }
            else
            {
                missingIdentifiers.Add(identifier);
            }
        }

        foreach (var agreementId in agreementIds)
        {
            if (cache.TryGetValue(AgreementKey(agreementId), out string? identifier)
                && cache.TryGetValue(CustomerKey(identifier!), out CachedCustomer? cached) && cached!.Since <= since)
            {
                byAgreement[agreementId] = cached.Customer;
            }
            else
            {
                missingAgreements.Add(agreementId);
            }
        }

        if (missingIdentifiers.Count > 0 || missingAgreements.Count > 0)
        {
            var found = await agreements.FindMeteringCustomersAsync(missingIdentifiers, missingAgreements, since, cancellationToken);
            var lifetime = options.Value.CustomerCacheLifetime;
            foreach (var customer in found)
            {
                if (lifetime > TimeSpan.Zero)
                {
                    cache.Set(CustomerKey(customer.CustomerIdentifier), new CachedCustomer(since, customer), lifetime);
                }

                byIdentifier[customer.CustomerIdentifier] = customer;
                foreach (var agreement in customer.Agreements)
                {
                    if (lifetime > TimeSpan.Zero)
                    {
                        cache.Set(AgreementKey(agreement.AgreementId), customer.CustomerIdentifier, lifetime);
                    }

                    byAgreement[agreement.AgreementId] = customer;
                }
            }
        }

        return (byIdentifier, byAgreement);
    }

    private static string CustomerKey(string identifier) => "metering:customer:" + identifier;

    private static string AgreementKey(AgreementId id) => "metering:agreement:" + id.Value.ToString("N");

    private sealed record CachedCustomer(DateTimeOffset Since, MeteringCustomer Customer);
}

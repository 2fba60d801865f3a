using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>
/// The customers a submission names, with their agreements. Customers found are kept in memory for
/// <see cref="MeteringOptions.CustomerCacheLifetime"/> (a minute), so a steady stream of usage reads no agreements at
/// all; only customers not yet known (or expired) are asked of Agreements, once per submission for all of them. Every
/// agreement event (<see cref="CustomerDirectoryInvalidation"/>) drops its customer at once on the node that delivers
/// it; other nodes see the change within the lifetime. Unknown customers are never remembered, so a new subscription
/// is usable at once. At most <see cref="MeteringOptions.MaxCachedCustomers"/> customers are kept: past that the cache
/// starts over. Records are judged by their own timestamp against the agreement's dates either way, so the staleness
/// only matters for a suspension, a reinstatement or an entitlement change on another node.
/// </summary>
internal sealed class CustomerDirectory(TimeProvider clock, IOptions<MeteringOptions> options)
{
    private readonly ConcurrentDictionary<string, CachedCustomer> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AgreementId, string> _agreements = new();
    private long _generation;

    /// <summary>The customers named by identifier or by one of their agreements, with agreements in force at or after <paramref name="since"/>.</summary>
    public async Task<(IReadOnlyDictionary<string, MeteringCustomer> ByIdentifier, IReadOnlyDictionary<AgreementId, MeteringCustomer> ByAgreement)> FindAsync(
        IAgreementsQueries agreements, IReadOnlyCollection<string> identifiers, IReadOnlyCollection<AgreementId> agreementIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        var byIdentifier = new Dictionary<string, MeteringCustomer>(identifiers.Count, StringComparer.Ordinal);
        var byAgreement = new Dictionary<AgreementId, MeteringCustomer>(agreementIds.Count);
        List<string>? missingIdentifiers = null;
        List<AgreementId>? missingAgreements = null;
        foreach (var identifier in identifiers)
        {
            if (Cached(identifier, since, now) is { } customer)
            {
                byIdentifier[identifier] = customer;
            }
            else
            {
                (missingIdentifiers ??= []).Add(identifier);
            }
        }

        foreach (var agreementId in agreementIds)
        {
            if (_agreements.TryGetValue(agreementId, out var identifier) && Cached(identifier, since, now) is { } customer)
            {
                byAgreement[agreementId] = customer;
            }
            else
            {
                (missingAgreements ??= []).Add(agreementId);
            }
        }

        if (missingIdentifiers is not null || missingAgreements is not null)
        {
            // The generation read before the query: an invalidation that lands while the query runs wins over its answer.
            var generation = Volatile.Read(ref _generation);
            var found = await agreements.FindMeteringCustomersAsync(missingIdentifiers ?? [], missingAgreements ?? [], since, cancellationToken);
            var lifetime = options.Value.CustomerCacheLifetime;
            foreach (var customer in found)
            {
                if (lifetime > TimeSpan.Zero)
                {
                    Remember(customer, since, now + (long)(lifetime.TotalSeconds * clock.TimestampFrequency), generation);
                }

                byIdentifier[customer.CustomerIdentifier] = customer;
                foreach (var agreement in customer.Agreements)
                {
                    byAgreement[agreement.AgreementId] = customer;
                }
            }
        }

        return (byIdentifier, byAgreement);
    }

    /// <summary>Forgets the customer (an agreement of theirs changed); the next submission naming them reads them afresh.</summary>
    public void Forget(string customerIdentifier)
    {
        Interlocked.Increment(ref _generation);
        if (_customers.TryRemove(customerIdentifier, out var removed))
        {
            foreach (var agreement in removed.Customer.Agreements)
            {
                _agreements.TryRemove(agreement.AgreementId, out _);
            }
        }
    }

    /// <summary>Forgets the customer holding <paramref name="agreementId"/>, if it is kept.</summary>
    public void Forget(AgreementId agreementId)
    {
        Interlocked.Increment(ref _generation);
        if (_agreements.TryGetValue(agreementId, out var identifier))
        {
            Forget(identifier);
        }
    }

    /// <summary>How many customers are kept (for tests).</summary>
    internal int Count => _customers.Count;

    private MeteringCustomer? Cached(string identifier, DateTimeOffset since, long now) =>
        _customers.TryGetValue(identifier, out var cached) && cached.Since <= since && now < cached.ExpiresAt ? cached.Customer : null;

    private void Remember(MeteringCustomer customer, DateTimeOffset since, long expiresAt, long generation)
    {
        if (_customers.Count >= Math.Max(1, options.Value.MaxCachedCustomers))
        {
            // Bounded: rather than track use, start over; the customers in use come back with the next submissions.
            _customers.Clear();
            _agreements.Clear();
        }

        _customers[customer.CustomerIdentifier] = new CachedCustomer(since, customer, expiresAt);
        foreach (var agreement in customer.Agreements)
        {
            _agreements[agreement.AgreementId] = customer.CustomerIdentifier;
        }

        if (Volatile.Read(ref _generation) != generation)
        {
            // Something was forgotten while this customer was being read: the answer may predate the change.
            _customers.TryRemove(customer.CustomerIdentifier, out _);
        }
    }

    private sealed record CachedCustomer(DateTimeOffset Since, MeteringCustomer Customer, long ExpiresAt);
}

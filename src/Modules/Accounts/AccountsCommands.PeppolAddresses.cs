using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.Peppol;
using Tradewind.Contracts;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Peppol;

namespace Tradewind.Accounts;

/// <summary>Electronic addresses the operator allocates to buyers without a Peppol address of their own.</summary>
internal sealed partial class AccountsCommands
{
    private const int AllocationAttempts = 8;

    public async Task<string?> AllocatePeppolBuyerAddressAsync(OrganisationId buyerId, CancellationToken cancellationToken)
    {
        if (await FindPeppolBuyerAddressAsync(buyerId, cancellationToken) is { } allocated)
        {
            return allocated;
        }

        var settings = peppolAddresses.Value;
        if (string.IsNullOrWhiteSpace(settings.Gs1CompanyPrefix))
        {
            return null;
        }

        // Location references are handed out in order; a concurrent allocation of the same number (or for the same
        // buyer) fails on the unique keys and is retried with what the other one wrote.
        for (var attempt = 0; attempt < AllocationAttempts; attempt++)
        {
            var highest = await db.Set<PeppolBuyerAddress>().MaxAsync(a => (long?)a.LocationReference, cancellationToken);
            var next = Math.Max((highest ?? 0) + 1, settings.FirstBuyerLocationReference);
            var gln = Gln.Create(settings.Gs1CompanyPrefix.Trim(), next)
                ?? throw new DomainException(
                    "peppol-address-space-exhausted",
                    $"The GS1 company prefix {settings.Gs1CompanyPrefix} has no location reference left for buyer addresses.",
                    DomainErrorKind.Conflict);
            var row = new PeppolBuyerAddress
            {
                OrganisationId = buyerId,
                LocationReference = next,
                ParticipantId = $"{PeppolParticipantId.GlnScheme}:{gln}",
                AllocatedAt = clock.GetUtcNow(),
            };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return row.ParticipantId;
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached;
                if (await FindPeppolBuyerAddressAsync(buyerId, cancellationToken) is { } theirs)
                {
                    return theirs;
                }
            }
        }

        throw new DomainException("peppol-address-busy", "Could not allocate a Peppol address for the buyer; try again.", DomainErrorKind.Conflict);
    }

    public async Task<IReadOnlyDictionary<OrganisationId, string?>> AllocatePeppolBuyerAddressesAsync(IReadOnlyCollection<OrganisationId> buyerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buyerIds);
        var ids = buyerIds.Distinct().ToList();
        var settings = peppolAddresses.Value;
        for (var attempt = 0; attempt < AllocationAttempts; attempt++)
        {
            var found = ids.Count == 0
                ? []
                : await db.Set<PeppolBuyerAddress>().AsNoTracking().Where(a => ids.Contains(a.OrganisationId))
                    .ToDictionaryAsync(a => a.OrganisationId, a => a.ParticipantId, cancellationToken);
            var missing = ids.Where(id => !found.ContainsKey(id)).ToList();
            if (missing.Count == 0 || string.IsNullOrWhiteSpace(settings.Gs1CompanyPrefix))
            {
                return ids.ToDictionary(id => id, id => found.GetValueOrDefault(id));
            }

            // One range of consecutive location references for the batch; a concurrent allocation of one of them (or
            // for one of the buyers) fails the transaction on the unique keys, and the batch is tried again.
            var rows = new List<PeppolBuyerAddress>(missing.Count);
            try
            {
                await db.InTransactionAsync(
                    async ct =>
                    {
                        rows.Clear();
                        var highest = await db.Set<PeppolBuyerAddress>().MaxAsync(a => (long?)a.LocationReference, ct);
                        var next = Math.Max((highest ?? 0) + 1, settings.FirstBuyerLocationReference);
                        foreach (var buyerId in missing)
                        {
                            var reference = next++;
                            var gln = Gln.Create(settings.Gs1CompanyPrefix.Trim(), reference)
                                ?? throw new DomainException(
                                    "peppol-address-space-exhausted",
                                    $"The GS1 company prefix {settings.Gs1CompanyPrefix} has no location reference left for buyer addresses.",
                                    DomainErrorKind.Conflict);
                            rows.Add(new PeppolBuyerAddress
                            {
                                OrganisationId = buyerId,
                                LocationReference = reference,
                                ParticipantId = $"{PeppolParticipantId.GlnScheme}:{gln}",
                                AllocatedAt = clock.GetUtcNow(),
                            });
                        }

                        db.AddRange(rows);
                        await db.SaveChangesAsync(ct);
                        return true;
                    },
                    cancellationToken);
                foreach (var row in rows)
                {
                    db.Entry(row).State = EntityState.Detached;
                    found[row.OrganisationId] = row.ParticipantId;
                }

                return ids.ToDictionary(id => id, id => found.GetValueOrDefault(id));
            }
            catch (DbUpdateException)
            {
                rows.ForEach(row => db.Entry(row).State = EntityState.Detached);
            }
        }

        throw new DomainException("peppol-address-busy", "Could not allocate Peppol addresses for the buyers; try again.", DomainErrorKind.Conflict);
    }

    private Task<string?> FindPeppolBuyerAddressAsync(OrganisationId buyerId, CancellationToken cancellationToken) =>
        db.Set<PeppolBuyerAddress>().AsNoTracking().Where(a => a.OrganisationId == buyerId).Select(a => a.ParticipantId).SingleOrDefaultAsync(cancellationToken);
}

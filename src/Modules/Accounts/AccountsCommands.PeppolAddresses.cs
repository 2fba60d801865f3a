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

    private Task<string?> FindPeppolBuyerAddressAsync(OrganisationId buyerId, CancellationToken cancellationToken) =>
        db.Set<PeppolBuyerAddress>().AsNoTracking().Where(a => a.OrganisationId == buyerId).Select(a => a.ParticipantId).SingleOrDefaultAsync(cancellationToken);
}

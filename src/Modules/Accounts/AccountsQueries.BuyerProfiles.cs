using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.BuyerProfiles;
using Tradewind.Accounts.Organisations;
using Tradewind.Accounts.Users;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

internal sealed partial class AccountsQueries
{
    public async Task<BuyerProfileDto?> FindBuyerProfileAsync(OrganisationId buyerId, CancellationToken cancellationToken) =>
        (await db.Set<BuyerProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.OrganisationId == buyerId, cancellationToken))?.ToDto();

    public async Task<IReadOnlyList<UserDto>> ListUsersAsync(OrganisationId organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return [];
        }

        var people = await db.Set<User>().AsNoTracking().Where(u => u.OrganisationId == organisationId).ToListAsync(cancellationToken);
        return people.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserDto(UserId.From(u.Id), organisationId, u.Email ?? "", u.DisplayName, organisation.Role)).ToList();
    }

    public async Task<IReadOnlyList<BillingBuyerDto>> ListBillingBuyersAsync(IReadOnlyCollection<OrganisationId> buyerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buyerIds);
        var ids = buyerIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        var profiles = (await db.Set<BuyerProfile>().AsNoTracking().Where(p => ids.Contains(p.OrganisationId)).ToListAsync(cancellationToken))
            .ToDictionary(p => p.OrganisationId);
        var emails = (await db.Set<User>().AsNoTracking().Where(u => ids.Contains(u.OrganisationId)).Select(u => new { u.OrganisationId, u.Email }).ToListAsync(cancellationToken))
            .GroupBy(u => u.OrganisationId)
            .ToDictionary(g => g.Key, g => g.Select(u => u.Email ?? "").Order(StringComparer.OrdinalIgnoreCase).First());
        return organisations
            .Select(o => new BillingBuyerDto(o.ToDto(), profiles.GetValueOrDefault(o.Id)?.ToDto(), emails.GetValueOrDefault(o.Id)))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.Organisations;
using Tradewind.Accounts.Users;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

internal sealed partial class AccountsQueries
{
    public async Task<UserLocaleDto?> FindUserLocaleAsync(UserId userId, CancellationToken cancellationToken)
    {
        var row = await (
                from user in db.Set<User>().AsNoTracking()
                join organisation in db.Set<Organisation>().AsNoTracking() on user.OrganisationId equals organisation.Id
                where user.Id == userId.Value
                select new { user.PreferredLanguage, organisation.CountryCode })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new UserLocaleDto(userId, row.PreferredLanguage, row.CountryCode);
    }
}

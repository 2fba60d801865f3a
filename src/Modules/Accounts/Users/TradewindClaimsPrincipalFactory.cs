using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Accounts.Organisations;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;

namespace Tradewind.Accounts.Users;

/// <summary>
/// Adds the organisation, its country, the display name and the chosen language to the sign-in cookie, so pages need
/// no extra lookup.
/// </summary>
internal sealed class TradewindClaimsPrincipalFactory(
    UserManager<User> users,
    RoleManager<Role> roles,
    IOptions<IdentityOptions> options,
    TradewindDbContext db)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organisation = await db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == user.OrganisationId);
        identity.AddClaim(new Claim(TradewindClaims.OrganisationId, organisation.Id.ToString()));
        identity.AddClaim(new Claim(TradewindClaims.OrganisationName, organisation.Name));
        identity.AddClaim(new Claim(TradewindClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(TradewindClaims.Country, organisation.CountryCode));
        if (!string.IsNullOrEmpty(user.PreferredLanguage))
        {
            identity.AddClaim(new Claim(TradewindClaims.PreferredLanguage, user.PreferredLanguage));
        }

        return identity;
    }
}

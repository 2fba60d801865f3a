using Microsoft.AspNetCore.Identity;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Users;

/// <summary>A person who signs in. The user name is the e-mail address; the role follows the organisation.</summary>
internal sealed class User : IdentityUser<Guid>
{
    public OrganisationId OrganisationId { get; set; }

    public string DisplayName { get; set; } = "";
}

internal sealed class Role : IdentityRole<Guid>
{
}

using Microsoft.AspNetCore.Identity;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Users;

/// <summary>A person who signs in. The user name is the e-mail address; the role follows the organisation.</summary>
internal sealed class User : IdentityUser<Guid>
{
    public OrganisationId OrganisationId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The UI language the person chose (a neutral culture name such as "ja"), or null to follow the browser. It
    /// outranks the URL and the browser when a page is rendered, and is the language of text sent to the person.
    /// </summary>
    public string? PreferredLanguage { get; set; }
}

internal sealed class Role : IdentityRole<Guid>
{
}

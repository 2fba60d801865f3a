using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.Users;
using Tradewind.Contracts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

internal sealed partial class AccountsCommands
{
    public async Task SetPreferredLanguageAsync(UserId userId, string? language, string actor, CancellationToken cancellationToken)
    {
        var normalized = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
        new Validation()
            .Require(normalized is null || IsLanguageName(normalized), "language", "Give a language as an ISO 639 code such as \"ja\", or nothing to follow the browser.")
            .ThrowIfInvalid();

        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == userId.Value, cancellationToken)
            ?? throw new DomainException("user-not-found", $"User {userId} does not exist.", DomainErrorKind.NotFound);
        if (string.Equals(user.PreferredLanguage, normalized, StringComparison.Ordinal))
        {
            return;
        }

        await db.InTransactionAsync(
            async ct =>
            {
                user.PreferredLanguage = normalized;
                audit.Record(actor, user.OrganisationId.Value, "user.language-changed", $"user:{user.Id}", normalized ?? "browser");
                await db.SaveChangesAsync(ct);
                return true;
            },
            cancellationToken);

        // The language travels in the sign-in cookie; a person changing their own setting sees it on the next page.
        // Their other devices pick it up when Identity next revalidates the cookie.
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } current
            && string.Equals(current.FindFirstValue(ClaimTypes.NameIdentifier), user.Id.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    /// <summary>A neutral culture the machine's ICU knows ("ja", "fr"), not a specific one ("fr-FR").</summary>
    private static bool IsLanguageName(string name)
    {
        if (name.Length is < 2 or > 3 || !name.All(char.IsAsciiLetterLower))
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true).IsNeutralCulture;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}

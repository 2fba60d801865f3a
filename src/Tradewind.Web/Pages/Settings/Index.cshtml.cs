using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Hosting;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Settings;

/// <summary>The signed-in person's own settings, whatever their role: today, the language Tradewind speaks to them in.</summary>
internal sealed class IndexModel(IAccountsCommands accounts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The saved language, or empty to follow the browser.</summary>
    [BindProperty]
    public string? Language { get; set; }

    /// <summary>Set after a save; the page then confirms it in the newly chosen language.</summary>
    [TempData]
    public bool Saved { get; set; }

    public IList<CultureInfo> Languages { get; private set; } = [];

    public void OnGet()
    {
        Languages = HttpContext.UiCultures();
        Language = User.FindFirstValue(TradewindClaims.PreferredLanguage);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Languages = HttpContext.UiCultures();
        var chosen = string.IsNullOrEmpty(Language) ? null : Languages.FirstOrDefault(c => c.Name == Language)?.Name;
        if (!string.IsNullOrEmpty(Language) && chosen is null)
        {
            ModelState.AddModelError(nameof(Language), localizer["Choose one of the languages in the list."]);
            return Page();
        }

        var userId = UserId.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        await accounts.SetPreferredLanguageAsync(userId, chosen, User.Actor(), cancellationToken);
        Saved = true;
        return RedirectToPage();
    }

    public static string NativeName(CultureInfo culture) => culture.TextInfo.ToTitleCase(culture.NativeName);
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Legal;
using Tradewind.Web.Legal;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Legal;

/// <summary>
/// The operator's standard contract in the visitor's language (or the one asked for with <c>?language=</c>), with
/// every published version listed. A translation says that the English text governs and links to it.
/// </summary>
internal sealed class StandardContractModel(IStandardContractTexts texts) : PageModel
{
    public StandardContractText Text { get; private set; } = null!;

    public IReadOnlyList<string> Versions { get; private set; } = [];

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public bool IsCurrent => Text.Version == StandardContract.CurrentVersion;

    public IActionResult OnGet(string? version, string? language)
    {
        var wanted = language is { Length: > 0 } ? language : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (texts.Find(version ?? StandardContract.CurrentVersion, wanted) is not { } text)
        {
            return NotFound();
        }

        Text = text;
        Versions = texts.Versions();
        Languages = texts.Languages(text.Version);
        Response.CachePubliclyWhenAnonymous(User);
        return Page();
    }

    public static string NativeName(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        return culture.TextInfo.ToTitleCase(culture.NativeName);
    }
}

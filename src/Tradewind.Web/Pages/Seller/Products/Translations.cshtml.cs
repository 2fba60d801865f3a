using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Localization;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Products;

/// <summary>
/// A listing's translations at <c>/seller/products/{id}/translations</c>: each language's fields beside the source, with
/// their status; the seller corrects a field (it becomes human-reviewed), re-runs the machine translation, opts a
/// language out or back in, and keeps the glossary of terms that are never translated.
/// </summary>
internal sealed class TranslationsModel(IListingTranslationQueries queries, IListingTranslationCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ListingTranslationsDto Translations { get; private set; } = null!;

    public string ProductTitle => Translations.Languages.SelectMany(l => l.Fields).FirstOrDefault(f => f.Field == TranslatedFields.Title)?.Source ?? "";

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostEditAsync(string id, string lang, string field, string? text, CancellationToken cancellationToken) =>
        ActAsync(id, lang, (productId, caller) => commands.EditAsync(productId, lang, field, text ?? "", caller, cancellationToken), localizer["The translation is saved and marked as reviewed."], cancellationToken);

    public Task<IActionResult> OnPostRetranslateAsync(string id, string lang, CancellationToken cancellationToken) =>
        ActAsync(id, lang, (productId, caller) => commands.RetranslateAsync(productId, lang, caller, cancellationToken), localizer["A new machine translation is queued."], cancellationToken);

    public Task<IActionResult> OnPostOptOutAsync(string id, string lang, CancellationToken cancellationToken) =>
        ActAsync(id, lang, (productId, caller) => commands.SetOptOutAsync(productId, lang, true, caller, cancellationToken), localizer["Buyers reading this language now see the original."], cancellationToken);

    public Task<IActionResult> OnPostOptInAsync(string id, string lang, CancellationToken cancellationToken) =>
        ActAsync(id, lang, (productId, caller) => commands.SetOptOutAsync(productId, lang, false, caller, cancellationToken), localizer["The listing will be translated into this language."], cancellationToken);

    public Task<IActionResult> OnPostGlossaryAsync(string id, string? terms, CancellationToken cancellationToken) =>
        ActAsync(
            id,
            null,
            (productId, caller) => commands.SetGlossaryAsync(productId, (terms ?? "").Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0).ToList(), caller, cancellationToken),
            localizer["The protected terms are saved; the listing is translated again with them."],
            cancellationToken);

    private async Task<IActionResult> ActAsync(
        string id, string? lang, Func<ProductId, TranslationCaller, Task<ListingTranslationsDto>> action, string message, CancellationToken cancellationToken)
    {
        if (!ProductId.TryParse(id, out var productId))
        {
            return NotFound();
        }

        try
        {
            await action(productId, Caller());
        }
        catch (ValidationFailedException exception)
        {
            ErrorMessage = string.Join(" ", exception.Errors.SelectMany(e => e.Value));
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound && exception.Code == "product-not-found")
        {
            return NotFound();
        }
        catch (DomainException exception)
        {
            ErrorMessage = exception.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = message;
        return Redirect($"/seller/products/{productId}/translations{(lang is null ? "" : "#lang-" + lang)}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!ProductId.TryParse(id, out var productId) || await queries.GetAsync(productId, Caller(), cancellationToken) is not { } translations)
        {
            return false;
        }

        Translations = translations;
        return true;
    }

    private TranslationCaller Caller() => new(User.OrganisationId(), User.IsInRole(Roles.Operator), User.Actor());
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator.Review;

/// <summary>One product's review: what changed since the last published revision, its plans, and the decisions.</summary>
internal sealed class ItemModel(ICatalogQueries queries, ICatalogCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Fields whose values are long text, shown side by side.</summary>
    private static readonly HashSet<string> LongFields = new(["longDescription", "licence", "licence.terms", "licenceTerms"], StringComparer.OrdinalIgnoreCase);

    public ProductDto Product { get; private set; } = null!;

    public ReviewItemDto? Review { get; private set; }

    public IReadOnlyList<PlanDto> Plans { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public static bool IsLong(FieldChange change) =>
        LongFields.Contains(change.Field) || (change.Before?.Length ?? 0) > 200 || (change.After?.Length ?? 0) > 200;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(string id, CancellationToken cancellationToken) =>
        DecideAsync(id, (productId, ct) => commands.ApproveAsync(productId, User.CatalogCaller(), ct), "“{0}” is approved and published.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string id, CancellationToken cancellationToken) =>
        DecideAsync(id, (productId, ct) => commands.RejectAsync(productId, Reason ?? "", User.CatalogCaller(), ct), "“{0}” is rejected; the seller sees your reason.", cancellationToken, needsReason: true);

    public Task<IActionResult> OnPostRestrictAsync(string id, CancellationToken cancellationToken) =>
        DecideAsync(id, (productId, ct) => commands.RestrictAsync(productId, Reason ?? "", User.CatalogCaller(), ct), "“{0}” is restricted and off the storefront.", cancellationToken, needsReason: true);

    private async Task<IActionResult> DecideAsync(
        string id, Func<ProductId, CancellationToken, Task<ProductDto>> decide, string done, CancellationToken cancellationToken, bool needsReason = false)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (needsReason && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), localizer["Give the reason; the seller sees it."]);
            return Page();
        }

        try
        {
            var decided = await decide(Product.Id, cancellationToken);
            TempData["StatusMessage"] = localizer[done, decided.Draft.Title].Value;
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, _ => nameof(Reason));
            return Page();
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.Conflict)
        {
            ModelState.AddModelError("", exception.Message);
            return Page();
        }

        return Redirect("/operator/review");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!ProductId.TryParse(id, out var productId)
            || await queries.FindProductAsync(productId, User.CatalogCaller(), cancellationToken) is not { } product)
        {
            return false;
        }

        Product = product;
        Review = product.Status == ListingStatus.Submitted ? await queries.GetReviewAsync(productId, cancellationToken) : null;
        Plans = await queries.ListPlansAsync(productId, User.CatalogCaller(), cancellationToken) ?? [];
        return true;
    }
}

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Rendering;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Products;

/// <summary>
/// The seller's listing editor at <c>/seller/products/new</c> and <c>/seller/products/{id}</c>: every field of the working
/// draft, image uploads, the plans, and submission for review. Every rule is the Catalog's (the same commands the REST API
/// calls); its validation errors are shown next to the inputs and nothing is saved.
/// </summary>
internal sealed class EditModel(ICatalogQueries queries, ICatalogCommands commands, SellerMarkdown markdown, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxShortDescription = 350;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? ShortDescription { get; set; }

    [BindProperty]
    public string? LongDescription { get; set; }

    [BindProperty]
    public List<string?> Highlights { get; set; } = [];

    [BindProperty]
    public List<string> Categories { get; set; } = [];

    [BindProperty]
    public string? Keywords { get; set; }

    [BindProperty]
    public string? SupportEmail { get; set; }

    [BindProperty]
    public string? SupportUrl { get; set; }

    [BindProperty]
    public string? FulfilmentUrl { get; set; }

    [BindProperty]
    public string? ExcludedCountries { get; set; }

    [BindProperty]
    public string? LicenceKind { get; set; } = "standard";

    [BindProperty]
    public string? LicenceTerms { get; set; }

    public ProductDto? Product { get; private set; }

    public IReadOnlyList<PlanDto> Plans { get; private set; } = [];

    public IReadOnlyList<CategoryDto> AllCategories { get; private set; } = [];

    public IHtmlContent? Preview { get; private set; }

    public IReadOnlyList<string> MissingItems { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsNew => Product is null;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Product is { } product)
        {
            Fill(product.Draft);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var saved = Product is null
                ? await commands.CreateProductAsync(Input(), User.CatalogCaller(), User.OrganisationName(), cancellationToken)
                : await commands.UpdateProductAsync(Product.Id, Input(), User.CatalogCaller(), cancellationToken);
            StatusMessage = localizer["Your changes to “{0}” are saved.", saved.Draft.Title];
            return Redirect($"/seller/products/{saved.Id}");
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, MapKey);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Preview = markdown.Render(LongDescription);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string id, string? kind, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Product is null)
        {
            return NotFound();
        }

        Fill(Product.Draft);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", localizer["Choose an image file."]);
            return Page();
        }

        if (file.Length > 5 * 1024 * 1024)
        {
            ModelState.AddModelError("File", localizer["An image is at most 5 MB."]);
            return Page();
        }

        var mediaKind = string.Equals(kind, "screenshot", StringComparison.Ordinal) ? MediaKind.Screenshot : MediaKind.Logo;
        try
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            await commands.UploadMediaAsync(Product.Id, mediaKind, buffer.ToArray(), User.CatalogCaller(), cancellationToken);
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, _ => "File");
            return Page();
        }

        StatusMessage = mediaKind == MediaKind.Logo ? localizer["The logo is uploaded."] : localizer["The screenshot is uploaded."];
        return Redirect($"/seller/products/{Product.Id}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Product is null)
        {
            return NotFound();
        }

        Fill(Product.Draft);
        try
        {
            await commands.SubmitAsync(Product.Id, User.CatalogCaller(), cancellationToken);
        }
        catch (ValidationFailedException exception)
        {
            MissingItems = exception.Errors.SelectMany(e => e.Value).ToList();
            return Page();
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.Conflict)
        {
            MissingItems = [exception.Message];
            return Page();
        }

        StatusMessage = localizer["“{0}” is submitted for review.", Product.Draft.Title];
        return Redirect($"/seller/products/{Product.Id}");
    }

    public int ShortDescriptionLength => ShortDescription?.Trim().Length ?? 0;

    public IEnumerable<IGrouping<string, CategoryDto>> CategoryGroups => AllCategories.GroupBy(c => c.Group);

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        // Each handler posts only its own form; what the others would bind is not an error.
        ModelState.Clear();
        AllCategories = await queries.ListCategoriesAsync(cancellationToken);
        if (string.Equals(id, "new", StringComparison.Ordinal))
        {
            return true;
        }

        if (!ProductId.TryParse(id, out var productId)
            || await queries.FindProductAsync(productId, User.CatalogCaller(), cancellationToken) is not { } product)
        {
            return false;
        }

        Product = product;
        Plans = await queries.ListPlansAsync(productId, User.CatalogCaller(), cancellationToken) ?? [];
        return true;
    }

    private void Fill(ListingContentDto draft)
    {
        Title = draft.Title;
        ShortDescription = draft.ShortDescription;
        LongDescription = draft.LongDescription;
        Highlights = [.. draft.Highlights];
        Categories = draft.Categories.Select(c => c.Slug).ToList();
        Keywords = string.Join(", ", draft.Keywords);
        SupportEmail = draft.Support.Email;
        SupportUrl = draft.Support.Url;
        FulfilmentUrl = draft.FulfilmentUrl;
        ExcludedCountries = string.Join(", ", draft.Availability.ExcludedCountries);
        LicenceKind = draft.Licence.Kind == Contracts.Catalog.LicenceKind.Custom ? "custom" : "standard";
        LicenceTerms = draft.Licence.Terms;
    }

    private ListingInput Input() => new(
        Title ?? "",
        ShortDescription,
        LongDescription,
        Highlights.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h!).ToList(),
        Categories,
        SplitList(Keywords),
        new SupportContact(SupportEmail, SupportUrl),
        FulfilmentUrl,
        new Availability(SplitList(ExcludedCountries)),
        string.Equals(LicenceKind, "custom", StringComparison.Ordinal)
            ? new Licence(Contracts.Catalog.LicenceKind.Custom, LicenceTerms ?? "")
            : Licence.Standard);

    private static List<string> SplitList(string? text) =>
        (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string MapKey(string key) => key switch
    {
        "support.email" => nameof(SupportEmail),
        "support.url" => nameof(SupportUrl),
        "availability.excludedCountries" => nameof(ExcludedCountries),
        "licence.kind" or "licence.terms" => nameof(LicenceTerms),
        "title" or "shortDescription" or "longDescription" or "highlights" or "categories" or "keywords" or "fulfilmentUrl" => FieldErrors.Pascal(key),
        _ => "",
    };
}

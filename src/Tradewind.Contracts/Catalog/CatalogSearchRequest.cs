using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

public enum CatalogSearchSort
{
    /// <summary>Best match first, newest first among equals; the default when there is a query.</summary>
    Relevance,

    /// <summary>Most recently published first; the default without a query.</summary>
    Newest,

    /// <summary>By title, A to Z.</summary>
    Title,
}

/// <summary>
/// One storefront search: free text (empty lists everything), at most one value per filter, a sort and a page.
/// Built through <see cref="Parse"/> from the strings of a URL, which names the offending field of a bad value.
/// </summary>
public sealed record CatalogSearchRequest
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 50;
    public const int MaxQueryLength = 200;

    /// <summary>
    /// The searcher's language (ISO 639-1): the query also matches listings' translations into it, analysed for that
    /// language. Null or the listings' own language searches the original text only.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>The pricing models a listing can offer, as they appear in URLs and in the API.</summary>
    public static IReadOnlyList<string> PricingModels { get; } = ["free-trial", "free-tier", "usage", "contract"];

    public CatalogSearchRequest(
        string? query = null,
        string? category = null,
        string? pricing = null,
        OrganisationId? seller = null,
        CatalogSearchSort? sort = null,
        int page = 1,
        int pageSize = DefaultPageSize)
    {
        Query = string.IsNullOrWhiteSpace(query) ? "" : query.Trim();
        if (Query.Length > MaxQueryLength)
        {
            throw new ValidationFailedException("q", $"A search is at most {MaxQueryLength} characters.");
        }

        if (pricing is not null && !PricingModels.Contains(pricing, StringComparer.Ordinal))
        {
            throw new ValidationFailedException("pricing", $"Pricing must be one of: {string.Join(", ", PricingModels)}.");
        }

        if (page < 1)
        {
            throw new ValidationFailedException("page", "Page numbers start at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ValidationFailedException("pageSize", $"Page size must be between 1 and {MaxPageSize}.");
        }

        Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        Pricing = pricing;
        Seller = seller;
        Sort = sort ?? (Query.Length == 0 ? CatalogSearchSort.Newest : CatalogSearchSort.Relevance);
        Page = page;
        PageSize = pageSize;
    }

    public string Query { get; }

    /// <summary>A category slug; listings in any of their categories match.</summary>
    public string? Category { get; }

    /// <summary>One of <see cref="PricingModels"/>.</summary>
    public string? Pricing { get; }

    public OrganisationId? Seller { get; }

    public CatalogSearchSort Sort { get; }

    public int Page { get; }

    public int PageSize { get; }

    public int Skip => (Page - 1) * PageSize;

    /// <summary>
    /// A request from URL parameters as the API and the search page receive them. Blank means absent; anything
    /// else that is not valid throws <see cref="ValidationFailedException"/> naming the parameter.
    /// </summary>
    public static CatalogSearchRequest Parse(string? q, string? category, string? pricing, string? seller, string? sort, int? page, int? pageSize, int defaultPageSize = DefaultPageSize)
    {
        OrganisationId? sellerId = null;
        if (!string.IsNullOrWhiteSpace(seller))
        {
            sellerId = OrganisationId.TryParse(seller.Trim(), out var parsed)
                ? parsed
                : throw new ValidationFailedException("seller", "Seller must be an organisation id (a GUID).");
        }

        CatalogSearchSort? order = string.IsNullOrWhiteSpace(sort) ? null : sort.Trim() switch
        {
            "relevance" => CatalogSearchSort.Relevance,
            "newest" => CatalogSearchSort.Newest,
            "title" => CatalogSearchSort.Title,
            _ => throw new ValidationFailedException("sort", "Sort must be one of: relevance, newest, title."),
        };

        return new CatalogSearchRequest(q, category, string.IsNullOrWhiteSpace(pricing) ? null : pricing.Trim(), sellerId, order, page ?? 1, pageSize ?? defaultPageSize);
    }

    /// <summary>The URL form of <paramref name="sort"/>, as <see cref="Parse"/> reads it.</summary>
    public static string SortName(CatalogSearchSort sort) => sort switch
    {
        CatalogSearchSort.Relevance => "relevance",
        CatalogSearchSort.Newest => "newest",
        CatalogSearchSort.Title => "title",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };
}

using System.Globalization;
using Tradewind.Contracts;

namespace Tradewind.Web.Pages.Shared;

/// <summary>What the <c>_Pager</c> partial shows for any <see cref="Page{T}"/>: position, totals, and links that keep the other query parameters.</summary>
internal sealed record Pager(int PageNumber, int PageSize, int TotalPages, int TotalCount)
{
    public const string QueryParameter = "page";

    public int FirstItem => TotalCount == 0 ? 0 : ((PageNumber - 1) * PageSize) + 1;

    public int LastItem => Math.Min(PageNumber * PageSize, TotalCount);

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < TotalPages;

    public static Pager For<T>(Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.PageNumber, page.PageSize, page.TotalPages, page.TotalCount);
    }

    /// <summary>A page number from the query string: anything missing or below 1 means the first page.</summary>
    public static int Number(int? requested) => requested is > 0 ? requested.Value : 1;

    /// <summary>The current URL with only the page number changed; page 1 has no parameter, so it has one address.</summary>
    public static string Href(HttpRequest request, int pageNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query
            .Where(p => !string.Equals(p.Key, QueryParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .ToList();
        if (pageNumber > 1)
        {
            query.Add(new(QueryParameter, pageNumber.ToString(CultureInfo.InvariantCulture)));
        }

        return $"{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }
}

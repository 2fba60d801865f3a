using Tradewind.Contracts;

namespace Tradewind.Web.Api;

/// <summary>The wire shape of a paginated list: the items and enough to render a pager.</summary>
internal sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int TotalPages)
{
    public static ApiPage<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.PageNumber, page.PageSize, page.TotalCount, page.TotalPages);
}

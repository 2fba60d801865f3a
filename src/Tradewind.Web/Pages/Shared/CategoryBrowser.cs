using Tradewind.Contracts.Catalog;

namespace Tradewind.Web.Pages.Shared;

internal static class CategoryBrowser
{
    /// <summary>Categories by group, groups and categories in the current culture's alphabetical order.</summary>
    public static IReadOnlyList<IGrouping<string, CategoryDto>> Group(IEnumerable<CategoryDto> categories)
    {
        var comparer = StringComparer.CurrentCultureIgnoreCase;
        return categories
            .OrderBy(c => c.Name, comparer)
            .GroupBy(c => c.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, comparer)
            .ToList();
    }
}

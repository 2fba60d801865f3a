using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Categories;

/// <summary>A node of the operator's software taxonomy, in one group (e.g. "Security" in "Infrastructure").</summary>
internal sealed class Category
{
    public CategoryId Id { get; init; }

    /// <summary>URL-safe, unique, lower-case: <c>data-analytics</c>.</summary>
    public required string Slug { get; init; }

    public required string Name { get; set; }

    public required string Group { get; set; }
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Categories;

/// <summary>
/// A product in a category (table <c>catalog_product_categories</c>). A product has one set of rows for its working draft
/// and one for its published revision (<see cref="Published"/>), so the storefront filters and counts by what buyers see
/// while the seller edits. <see cref="Position"/> 0 is the primary category.
/// </summary>
internal sealed class ProductCategory
{
    public ProductId ProductId { get; init; }

    public bool Published { get; init; }

    public CategoryId CategoryId { get; init; }

    public int Position { get; set; }
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>The filter form of the usage pages; a null list leaves its filter out (the customer page has one customer).</summary>
internal sealed record UsageFilters(
    string Action,
    string Period,
    IReadOnlyList<DateTimeOffset> Months,
    IReadOnlyList<DimensionLabel> Dimensions,
    string? Dimension,
    IReadOnlyList<(ProductId Id, string Title)>? Products = null,
    string? Product = null,
    IReadOnlyList<UsageCustomerOption>? Customers = null,
    string? Customer = null);

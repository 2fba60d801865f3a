namespace Tradewind.Catalog.Search;

/// <summary>Configuration section <c>Catalog:Search</c>.</summary>
internal sealed class CatalogSearchOptions
{
    /// <summary>How often a node asks the database for listing changes; a change shows in search within about this long.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}

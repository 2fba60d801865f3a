using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Localization;
using Tradewind.Primitives.Ids;

namespace Tradewind.Localization.Translations;

/// <summary>A listing's published text as the Catalog serves it, split into the translated fields.</summary>
internal sealed record ListingSource(
    ProductId ProductId,
    OrganisationId SellerId,
    int Revision,
    bool Listed,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> ProtectedTerms)
{
    /// <summary>Longest translation stored per field (the validator also bounds it by the source's length).</summary>
    public static int MaxLength(string field) => field switch
    {
        TranslatedFields.Title => 200,
        TranslatedFields.ShortDescription => 600,
        TranslatedFields.Highlights => 1000,
        _ => 30_000,
    };

    public static async Task<ListingSource?> LoadAsync(ICatalogQueries catalog, ProductId productId, TranslationCaller caller, IReadOnlyList<string> sellerTerms, CancellationToken cancellationToken)
    {
        var product = await catalog.FindProductAsync(productId, new CatalogCaller(caller.OrganisationId, caller.IsOperator, caller.Actor), cancellationToken);
        if (product is null)
        {
            return null;
        }

        var published = product.Published;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (published is not null)
        {
            fields[TranslatedFields.Title] = published.Title;
            fields[TranslatedFields.ShortDescription] = published.ShortDescription;
            fields[TranslatedFields.LongDescription] = published.LongDescription;
            fields[TranslatedFields.Highlights] = string.Join('\n', published.Highlights);
        }

        var terms = new List<string> { ProductName(published?.Title ?? product.Draft.Title), product.SellerName };
        terms.AddRange(sellerTerms);
        return new ListingSource(
            product.Id,
            product.SellerId,
            product.PublishedRevision ?? 0,
            published is not null && product.Status is not (ListingStatus.Restricted or ListingStatus.Archived),
            fields.Where(f => f.Value.Trim().Length > 0).ToDictionary(StringComparer.Ordinal),
            terms.Where(t => t.Trim().Length > 0).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The product's name: its title up to the first separator ("Acme Insights — analytics for teams" names
    /// "Acme Insights"), or the whole title when it has none.
    /// </summary>
    public static string ProductName(string title)
    {
        var cut = title.Length;
        foreach (var separator in new[] { " — ", " – ", " - ", ": ", " | " })
        {
            var index = title.IndexOf(separator, StringComparison.Ordinal);
            if (index > 0 && index < cut)
            {
                cut = index;
            }
        }

        return title[..cut].Trim();
    }
}

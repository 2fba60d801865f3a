using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Search;

/// <summary>
/// The fields of a listing in the index and how a <see cref="ListingSearchDocument"/> maps to them. Text fields are
/// analysed for matching; filter fields are exact terms; facet fields are sorted-set doc values (counted without
/// loading documents); sort fields are doc values; what a result card shows is stored.
/// </summary>
internal static class ListingFields
{
    public const string Id = "id";
    public const string Slug = "slug";
    public const string Title = "title";
    public const string TitleSort = "title_sort";
    public const string ShortDescription = "short";
    public const string LongDescription = "long";
    public const string Highlights = "highlights";
    public const string Keywords = "keywords";
    public const string SellerName = "seller_name";

    /// <summary>Filter term, stored and facet value: the seller's id.</summary>
    public const string SellerId = "seller";

    /// <summary>Facet doc value "id\u001Fname", so a facet carries its label without a second lookup.</summary>
    public const string SellerFacet = "seller_facet";

    public const string Category = "category";
    public const string Pricing = "pricing";
    public const string PublishedAt = "published";

    public const char LabelSeparator = '\u001F';

    public static Document ToDocument(ListingSearchDocument listing)
    {
        var id = listing.Id.ToString();
        var seller = listing.SellerId.ToString();
        var document = new Document
        {
            new StringField(Id, id, Field.Store.YES),
            new StoredField(Slug, listing.Slug),
            new SortedDocValuesField(Slug, new BytesRef(listing.Slug)),
            new TextField(Title, listing.Title, Field.Store.YES),
            new SortedDocValuesField(TitleSort, new BytesRef(listing.Title.ToUpperInvariant())),
            new TextField(ShortDescription, listing.ShortDescription, Field.Store.YES),
            new TextField(LongDescription, listing.LongDescription, Field.Store.NO),
            new TextField(SellerName, listing.SellerName, Field.Store.YES),
            new StringField(SellerId, seller, Field.Store.YES),
            new SortedSetDocValuesField(SellerFacet, new BytesRef(seller + LabelSeparator + listing.SellerName)),
            new NumericDocValuesField(PublishedAt, listing.PublishedAt.UtcTicks),
            new StoredField(PublishedAt, listing.PublishedAt.UtcTicks),
        };
        foreach (var highlight in listing.Highlights)
        {
            document.Add(new TextField(Highlights, highlight, Field.Store.NO));
        }

        foreach (var keyword in listing.Keywords)
        {
            document.Add(new TextField(Keywords, keyword, Field.Store.NO));
        }

        foreach (var category in listing.CategorySlugs.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Category, category, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(Category, new BytesRef(category)));
        }

        foreach (var pricing in listing.PricingModels.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Pricing, pricing, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(Pricing, new BytesRef(pricing)));
        }

        TranslatedSearchFields.Add(document, listing.Translations);
        return document;
    }

    public static CatalogSearchHit ToHit(Document document, float score, IReadOnlyDictionary<string, string> categoryNames)
    {
        var categories = document.GetValues(Category, CultureInfo.InvariantCulture);
        var first = categories.Length > 0 ? categories[0] : "";
        var ticks = document.GetField(PublishedAt).GetInt64Value() ?? 0;
        return new CatalogSearchHit(
            ProductId.Parse(document.Get(Id, CultureInfo.InvariantCulture)),
            document.Get(Slug, CultureInfo.InvariantCulture),
            document.Get(Title, CultureInfo.InvariantCulture),
            document.Get(ShortDescription, CultureInfo.InvariantCulture),
            OrganisationId.Parse(document.Get(SellerId, CultureInfo.InvariantCulture)),
            document.Get(SellerName, CultureInfo.InvariantCulture),
            first,
            categoryNames.GetValueOrDefault(first, first),
            categories,
            document.GetValues(Pricing, CultureInfo.InvariantCulture),
            new DateTimeOffset(ticks, TimeSpan.Zero),
            float.IsNaN(score) ? 0f : score);
    }
}

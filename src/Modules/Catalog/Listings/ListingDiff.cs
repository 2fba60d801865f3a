using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Listings;

/// <summary>Field-by-field differences between the published revision and the submitted one, as the reviewer reads them.</summary>
internal static class ListingDiff
{
    public static IReadOnlyList<FieldChange> Between(ListingContent? before, ListingContent after, Func<CategoryId, string> categorySlug)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? old, string? now)
        {
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, old, now));
            }
        }

        static string? List(IEnumerable<string>? items) => items is null ? null : string.Join("\n", items);

        Compare("title", before?.Title, after.Title);
        Compare("shortDescription", before?.ShortDescription, after.ShortDescription);
        Compare("longDescription", before?.LongDescription, after.LongDescription);
        Compare("highlights", List(before?.Highlights), List(after.Highlights));
        Compare("categories", List(before?.Categories.Select(categorySlug)), List(after.Categories.Select(categorySlug)));
        Compare("keywords", List(before?.Keywords), List(after.Keywords));
        Compare("logo", before?.Logo?.ToString(), after.Logo?.ToString());
        Compare("screenshots", List(before?.Screenshots.Select(s => s.ToString())), List(after.Screenshots.Select(s => s.ToString())));
        Compare("support.email", before?.SupportEmail, after.SupportEmail);
        Compare("support.url", before?.SupportUrl, after.SupportUrl);
        Compare("fulfilmentUrl", before?.FulfilmentUrl, after.FulfilmentUrl);
        Compare("availability.excludedCountries", List(before?.ExcludedCountries), List(after.ExcludedCountries));
        Compare("licence.kind", before is null ? null : Kind(before.LicenceKind), Kind(after.LicenceKind));
        Compare("licence.terms", before?.LicenceTerms, after.LicenceTerms);
        return changes;
    }

    private static string Kind(LicenceKind kind) => kind == LicenceKind.Standard ? "standard" : "custom";
}

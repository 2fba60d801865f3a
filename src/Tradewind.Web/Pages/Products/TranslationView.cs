using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Localization;

namespace Tradewind.Web.Pages.Products;

/// <summary>
/// The listing's text as the page shows it: each field in the visitor's language when a current machine or
/// human-reviewed translation exists, else in the original; <see cref="Lang"/> gives each block its <c>lang</c>.
/// </summary>
internal sealed class TranslationView(ListingDto listing, StorefrontTranslation? translation, bool showOriginal)
{
    /// <summary>The translation state, null when the visitor reads the source language (or a language listings are not translated into).</summary>
    public StorefrontTranslation? Translation { get; } = translation;

    /// <summary>The visitor asked for the original (<c>?original=1</c>).</summary>
    public bool ShowingOriginal { get; } = showOriginal && translation is not null;

    public string Title => Field(TranslatedFields.Title) ?? listing.Title;

    public string ShortDescription => Field(TranslatedFields.ShortDescription) ?? listing.ShortDescription;

    public string LongDescription => Field(TranslatedFields.LongDescription) ?? listing.LongDescription;

    public IReadOnlyList<string> Highlights => Field(TranslatedFields.Highlights)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? listing.Highlights;

    /// <summary>The language a field is shown in; null when it is the page's own language (no attribute needed).</summary>
    public string? Lang(string field) => Translation is null ? null : Field(field) is null ? Translation.SourceLanguage : Translation.Language;

    /// <summary>
    /// What the analytics record as served (spec §1.3 <c>translation_kind</c>): <c>machine</c> or <c>human_reviewed</c>
    /// when translated text is shown, else <c>original</c>.
    /// </summary>
    public string ServedKind => ShowingOriginal || Translation is null ? "original" : Translation.Kind switch
    {
        StorefrontTranslationKind.Machine => "machine",
        StorefrontTranslationKind.HumanReviewed => "human_reviewed",
        _ => "original",
    };

    /// <summary>The language the listing text is served in: the translation's when one is shown, else the source's (the page's own when there is none).</summary>
    public string ServedLanguage(string pageLanguage) =>
        Translation is null ? pageLanguage : ServedKind == "original" ? Translation.SourceLanguage : Translation.Language;

    private string? Field(string field) => ShowingOriginal ? null : Translation?.Field(field);
}

using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Localization;

/// <summary>Reads of listing translations; any module may call these.</summary>
public interface IListingTranslationQueries
{
    /// <summary>The languages a listing is translated into (the operator's target languages).</summary>
    IReadOnlyList<string> TargetLanguages { get; }

    /// <summary>
    /// What the storefront shows for <paramref name="revision"/> of a listing in <paramref name="language"/>; null when
    /// <paramref name="language"/> is the source language or not a target language.
    /// </summary>
    Task<StorefrontTranslation?> FindForStorefrontAsync(ProductId productId, int revision, string language, CancellationToken cancellationToken);

    /// <summary>Every language's translations of a listing, for its seller or the operator; null when not the caller's.</summary>
    Task<ListingTranslationsDto?> GetAsync(ProductId productId, TranslationCaller caller, CancellationToken cancellationToken);

    /// <summary>The shown (machine or human-reviewed, current) translations of these listings, for the search index.</summary>
    Task<IReadOnlyDictionary<ProductId, IReadOnlyList<TranslatedSearchText>>> GetSearchTextsAsync(IReadOnlyCollection<ProductId> productIds, CancellationToken cancellationToken);
}

/// <summary>Changes to listing translations; only the web host calls these.</summary>
public interface IListingTranslationCommands
{
    /// <summary>The seller writes a field's translation: it becomes human-reviewed and survives re-translation until the source changes.</summary>
    Task<ListingTranslationsDto> EditAsync(ProductId productId, string language, string field, string text, TranslationCaller caller, CancellationToken cancellationToken);

    /// <summary>Queues a fresh machine translation of every field of a language that is not human-reviewed.</summary>
    Task<ListingTranslationsDto> RetranslateAsync(ProductId productId, string language, TranslationCaller caller, CancellationToken cancellationToken);

    /// <summary>Opts a language out (the storefront shows the original) or back in (queues a translation).</summary>
    Task<ListingTranslationsDto> SetOptOutAsync(ProductId productId, string language, bool optedOut, TranslationCaller caller, CancellationToken cancellationToken);

    /// <summary>Replaces the seller's own protected terms; the listing is re-translated with them.</summary>
    Task<ListingTranslationsDto> SetGlossaryAsync(ProductId productId, IReadOnlyList<string> terms, TranslationCaller caller, CancellationToken cancellationToken);

    /// <summary>Runs the translation jobs that are due now, on this node; returns how many ran. The background worker calls it too.</summary>
    Task<int> RunPendingJobsAsync(CancellationToken cancellationToken);
}

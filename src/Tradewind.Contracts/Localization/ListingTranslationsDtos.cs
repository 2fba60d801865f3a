using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Localization;

/// <summary>
/// Where one field of a listing stands in one language. Stored and sent in snake case (<c>human_reviewed</c>).
/// </summary>
public enum TranslationStatus
{
    /// <summary>The source text itself (the listing's own language).</summary>
    Original,

    /// <summary>Queued: a job will translate it.</summary>
    Pending,

    /// <summary>Machine-translated from the current published text and validated.</summary>
    Machine,

    /// <summary>Written or corrected by the seller for the current published text.</summary>
    HumanReviewed,

    /// <summary>The source changed since this translation was made; it is not shown until it is redone.</summary>
    Stale,

    /// <summary>The engine's output failed validation (see the reason); not shown.</summary>
    Rejected,

    /// <summary>No engine is configured for this language pair, or the configured engine cannot translate it.</summary>
    NoEngine,

    /// <summary>The seller opted this language out; the storefront shows the original.</summary>
    OptedOut,
}

/// <summary>The listing fields that are translated.</summary>
public static class TranslatedFields
{
    public const string Title = "title";
    public const string ShortDescription = "shortDescription";
    public const string LongDescription = "longDescription";

    /// <summary>The highlights, one per line.</summary>
    public const string Highlights = "highlights";

    public static IReadOnlyList<string> All { get; } = [Title, ShortDescription, LongDescription, Highlights];
}

public sealed record FieldTranslationDto(
    string Field,
    string Source,
    string? Text,
    TranslationStatus Status,
    string? Engine,
    string? Reason,
    DateTimeOffset? UpdatedAt,
    string? ReviewedBy);

/// <summary>One target language of one listing: its fields and what the last job did.</summary>
public sealed record LanguageTranslationDto(
    string Language,
    bool OptedOut,
    TranslationStatus Status,
    int? SourceRevision,
    string? LastError,
    IReadOnlyList<FieldTranslationDto> Fields);

public sealed record ListingTranslationsDto(
    ProductId ProductId,
    string SourceLanguage,
    int? PublishedRevision,
    IReadOnlyList<string> ProtectedTerms,
    IReadOnlyList<string> SellerTerms,
    IReadOnlyList<LanguageTranslationDto> Languages);

/// <summary>What the storefront shows of a listing in one language.</summary>
public enum StorefrontTranslationKind
{
    /// <summary>At least one field is machine-translated: show the machine-translation note.</summary>
    Machine,

    /// <summary>Every shown field was reviewed by the seller: no note.</summary>
    HumanReviewed,

    /// <summary>Translation is on its way (queued or being redone after a change).</summary>
    Pending,

    /// <summary>No translation exists and none is coming (no engine, rejected output, failed jobs).</summary>
    NotAvailable,

    /// <summary>The seller chose not to translate into this language.</summary>
    OptedOut,
}

/// <summary>
/// The fields of a listing's current published revision in one language, when they exist (fields missing from
/// <see cref="Fields"/> are shown in the original), and how honest the page must be about them.
/// </summary>
public sealed record StorefrontTranslation(
    string Language,
    string SourceLanguage,
    StorefrontTranslationKind Kind,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, TranslationStatus> Statuses,
    string Fingerprint)
{
    public string? Field(string field) => Fields.GetValueOrDefault(field);
}

/// <summary>One listing's current translations in one language, for the search index.</summary>
public sealed record TranslatedSearchText(string Language, string? Title, string? ShortDescription, string? LongDescription, IReadOnlyList<string> Highlights);

/// <summary>Who acts on a listing's translations: its seller, or the operator.</summary>
public sealed record TranslationCaller(OrganisationId OrganisationId, bool IsOperator, string Actor);

/// <summary>The wire and storage names of <see cref="TranslationStatus"/>: <c>original</c>, <c>machine</c>, <c>human_reviewed</c>, …</summary>
public static class TranslationStatusNames
{
    public static string Name(TranslationStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    public static TranslationStatus Parse(string value) =>
        Enum.Parse<TranslationStatus>((value ?? throw new ArgumentNullException(nameof(value))).Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}

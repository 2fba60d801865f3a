using Tradewind.Contracts.Localization;
using Tradewind.Primitives.Ids;

namespace Tradewind.Localization.Translations;

/// <summary>One field of one listing in one target language: its text and where it stands.</summary>
internal sealed class FieldTranslation
{
    public ProductId ProductId { get; set; }

    public string Language { get; set; } = "";

    public string Field { get; set; } = "";

    public OrganisationId SellerId { get; set; }

    /// <summary>The published revision whose text this translates (kept current while the field's source is unchanged).</summary>
    public int SourceRevision { get; set; }

    /// <summary>SHA-256 of the source field text this translates.</summary>
    public string SourceHash { get; set; } = "";

    /// <summary>The translation; for a rejected one, the engine's output, for the seller to correct.</summary>
    public string? Text { get; set; }

    public TranslationStatus Status { get; set; }

    public string? Engine { get; set; }

    public string? Reason { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One target language of one listing: opted out or not, and what its last job did.</summary>
internal sealed class ListingLanguage
{
    public ProductId ProductId { get; set; }

    public string Language { get; set; } = "";

    public OrganisationId SellerId { get; set; }

    public bool OptedOut { get; set; }

    /// <summary>The newest published revision seen for this listing.</summary>
    public int Revision { get; set; }

    /// <summary>Pending, Machine (done), NoEngine, OptedOut, Rejected (job failed for good: see <see cref="LastError"/>).</summary>
    public TranslationStatus Status { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A listing's seller-chosen protected terms (the product and company names are always protected).</summary>
internal sealed class ListingGlossary
{
    public ProductId ProductId { get; set; }

    public OrganisationId SellerId { get; set; }

    public IReadOnlyList<string> Terms { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A remembered engine output for one masked segment, keyed by SHA-256 of the segment, target language, engine and
/// glossary version, so re-publishing unchanged text costs no engine call.
/// </summary>
internal sealed class TranslationMemoryEntry
{
    public string SourceHash { get; set; } = "";

    public string TargetLanguage { get; set; } = "";

    public string Engine { get; set; } = "";

    public string GlossaryVersion { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

internal enum TranslationJobState
{
    Pending,
    Done,
    Failed,
}

/// <summary>Translate one listing's published revision into one language. Claimed with a lease, retried with back-off.</summary>
internal sealed class TranslationJob
{
    public Guid Id { get; set; }

    public ProductId ProductId { get; set; }

    public OrganisationId SellerId { get; set; }

    public string Language { get; set; } = "";

    public int Revision { get; set; }

    /// <summary>Translate again even fields whose machine translation is current (the seller asked for it).</summary>
    public bool Force { get; set; }

    public TranslationJobState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

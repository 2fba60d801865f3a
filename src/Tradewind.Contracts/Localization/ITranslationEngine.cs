namespace Tradewind.Contracts.Localization;

/// <summary>How the segments sent to an engine are written.</summary>
public enum TranslationFormat
{
    /// <summary>Plain text: the engine must not interpret markup.</summary>
    Text,

    /// <summary>HTML: tags are kept, text between them is translated (Apertium's <c>format=html</c>).</summary>
    Html,
}

/// <summary>
/// What an engine is told besides the text. <see cref="ProtectedTerms"/> are the glossary terms that must come back
/// unchanged (they are already masked as placeholders; engines that take instructions are told so as well).
/// </summary>
public sealed record TranslationOptions(TranslationFormat Format, IReadOnlyList<string> ProtectedTerms)
{
    public static TranslationOptions PlainText { get; } = new(TranslationFormat.Text, []);
}

/// <summary>
/// A machine-translation engine. Languages are ISO 639-1 codes (<c>en</c>, <c>es</c>); the engine maps them to its own
/// codes. Returns one translation per segment, in order, or throws (<see cref="TranslationEngineException"/>) — it never
/// returns the source as if it were a translation.
/// </summary>
public interface ITranslationEngine
{
    /// <summary>The configured name, recorded with every translation and part of the translation-memory key.</summary>
    string Name { get; }

    Task<IReadOnlyList<string>> TranslateAsync(
        IReadOnlyList<string> segments, string sourceLanguage, string targetLanguage, TranslationOptions options, CancellationToken cancellationToken);

    /// <summary>Whether this engine can translate the pair at all (Apertium asks its server's installed pairs).</summary>
    Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken);
}

/// <summary>An engine failed to answer (network, HTTP error, unexpected response). The job retries later.</summary>
public sealed class TranslationEngineException : Exception
{
    public TranslationEngineException()
    {
    }

    public TranslationEngineException(string message)
        : base(message)
    {
    }

    public TranslationEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

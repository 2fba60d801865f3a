namespace Tradewind.Localization.Engines;

internal enum EngineKind
{
    /// <summary>Apertium's APY HTTP server (offline; Debian <c>apertium-apy</c>).</summary>
    Apertium,

    /// <summary>A LibreTranslate-compatible <c>POST /translate</c>.</summary>
    LibreTranslate,

    /// <summary>DeepL's <c>POST /v2/translate</c>.</summary>
    DeepL,

    /// <summary>An OpenAI-compatible chat-completions endpoint.</summary>
    OpenAiCompatible,
}

/// <summary>One configured engine, under <c>Localization:Translation:Engines:{name}</c>.</summary>
internal sealed class EngineSettings
{
    public EngineKind Kind { get; set; }

    /// <summary>Base URL: APY's root, LibreTranslate's root, <c>https://api.deepl.com</c>, or the chat API base (<c>…/v1</c>).</summary>
    public string? Url { get; set; }

    /// <summary>From user secrets or the environment, never from a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The chat model (OpenAI-compatible only).</summary>
    public string? Model { get; set; }
}

/// <summary>Configuration section <c>Localization:Translation</c>.</summary>
internal sealed class TranslationSettings
{
    public static readonly string[] DefaultTargets = ["es", "fr", "ja", "ko", "de"];

    /// <summary>The language sellers write listings in.</summary>
    public string SourceLanguage { get; set; } = "en";

    /// <summary>The languages listings are translated into; null means <see cref="DefaultTargets"/>.</summary>
    public string[]? TargetLanguages { get; set; }

    public Dictionary<string, EngineSettings> Engines { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Language pair (<c>en-es</c>) to engine name; the pair <c>*</c> applies to every pair not named.</summary>
    public Dictionary<string, string> Pairs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Off in tests that run jobs themselves through <c>RunPendingJobsAsync</c>.</summary>
    public bool WorkerEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts of a job whose engine fails before the language is reported as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    public IReadOnlyList<string> Targets => TargetLanguages is { Length: > 0 } targets
        ? targets.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0 && t != SourceLanguage).Distinct(StringComparer.Ordinal).ToList()
        : DefaultTargets;

    /// <summary>The engine name configured for a pair, or null.</summary>
    public string? EngineFor(string source, string target) =>
        Pairs.TryGetValue($"{source}-{target}", out var name) || Pairs.TryGetValue("*", out name) ? name : null;
}

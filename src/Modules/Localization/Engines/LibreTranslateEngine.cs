using System.Net.Http.Json;
using System.Text.Json;
using Tradewind.Contracts.Localization;

namespace Tradewind.Localization.Engines;

/// <summary>
/// A LibreTranslate-compatible server: <c>POST /translate</c> with JSON <c>{"q": [...], "source", "target", "format",
/// "api_key"}</c>; with an array <c>q</c> the answer's <c>translatedText</c> is an array in the same order.
/// </summary>
internal sealed class LibreTranslateEngine(string name, HttpClient http, string? apiKey) : ITranslationEngine
{
    public string Name => name;

    public async Task<IReadOnlyList<string>> TranslateAsync(
        IReadOnlyList<string> segments, string sourceLanguage, string targetLanguage, TranslationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(options);
        if (segments.Count == 0)
        {
            return [];
        }

        var request = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["q"] = segments,
            ["source"] = sourceLanguage,
            ["target"] = targetLanguage,
            ["format"] = options.Format == TranslationFormat.Html ? "html" : "text",
        };
        if (!string.IsNullOrEmpty(apiKey))
        {
            request["api_key"] = apiKey;
        }

        using var response = await ApertiumApyEngine.Send(() => http.PostAsJsonAsync("translate", request, cancellationToken));
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new TranslationEngineException($"LibreTranslate answered {(int)response.StatusCode}: {ApertiumApyEngine.Shorten(body)}");
        }

        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("translatedText", out var translated) || translated.ValueKind != JsonValueKind.Array)
        {
            throw new TranslationEngineException("LibreTranslate's answer has no translatedText array.");
        }

        var results = translated.EnumerateArray().Select(t => t.GetString() ?? "").ToList();
        return results.Count == segments.Count
            ? results
            : throw new TranslationEngineException($"LibreTranslate returned {results.Count} translations for {segments.Count} segments.");
    }

    public Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) => Task.FromResult(true);
}

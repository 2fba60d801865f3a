using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tradewind.Contracts.Localization;

namespace Tradewind.Localization.Engines;

/// <summary>
/// DeepL's <c>POST /v2/translate</c>: header <c>Authorization: DeepL-Auth-Key …</c>, JSON <c>{"text": [...],
/// "source_lang": "EN", "target_lang": "ES"}</c>, at most 50 texts per request; answers
/// <c>{"translations": [{"detected_source_language", "text"}]}</c> in order.
/// </summary>
internal sealed class DeepLEngine(string name, HttpClient http, string apiKey) : ITranslationEngine
{
    private const int MaxTextsPerRequest = 50;

    public string Name => name;

    public async Task<IReadOnlyList<string>> TranslateAsync(
        IReadOnlyList<string> segments, string sourceLanguage, string targetLanguage, TranslationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<string>(segments.Count);
        foreach (var chunk in segments.Chunk(MaxTextsPerRequest))
        {
            var body = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["text"] = chunk,
                ["source_lang"] = sourceLanguage.ToUpperInvariant(),
                ["target_lang"] = targetLanguage.ToUpperInvariant(),
            };
            if (options.Format == TranslationFormat.Html)
            {
                body["tag_handling"] = "html";
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "v2/translate") { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("DeepL-Auth-Key", apiKey);
            using var response = await ApertiumApyEngine.Send(() => http.SendAsync(request, cancellationToken));
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new TranslationEngineException($"DeepL answered {(int)response.StatusCode}: {ApertiumApyEngine.Shorten(answer)}");
            }

            using var json = JsonDocument.Parse(answer);
            var texts = json.RootElement.GetProperty("translations").EnumerateArray().Select(t => t.GetProperty("text").GetString() ?? "").ToList();
            if (texts.Count != chunk.Length)
            {
                throw new TranslationEngineException($"DeepL returned {texts.Count} translations for {chunk.Length} texts.");
            }

            results.AddRange(texts);
        }

        return results;
    }

    public Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) => Task.FromResult(true);
}

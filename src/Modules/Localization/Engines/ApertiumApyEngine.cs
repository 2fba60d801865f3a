using System.Net;
using System.Text.Json;
using Tradewind.Contracts.Localization;

namespace Tradewind.Localization.Engines;

/// <summary>
/// Apertium through its APY HTTP server: <c>POST /translate</c> with <c>langpair=eng|spa</c>, <c>format=html</c> (the
/// segment is HTML-escaped, so only markup Tradewind adds is markup) and <c>markUnknown=no</c>; <c>/listPairs</c> tells
/// which pairs are installed. One request per segment: APY translates a warm pair in about 10 ms.
/// </summary>
internal sealed class ApertiumApyEngine(string name, HttpClient http) : ITranslationEngine
{
    private HashSet<string>? _pairs;

    public string Name => name;

    public async Task<IReadOnlyList<string>> TranslateAsync(
        IReadOnlyList<string> segments, string sourceLanguage, string targetLanguage, TranslationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var langpair = $"{LanguageCodes.ToIso6393(sourceLanguage)}|{LanguageCodes.ToIso6393(targetLanguage)}";
        var results = new List<string>(segments.Count);
        foreach (var segment in segments)
        {
            using var content = new FormUrlEncodedContent(
            [
                new("langpair", langpair),
                new("q", WebUtility.HtmlEncode(segment)),
                new("format", "html"),
                new("markUnknown", "no"),
            ]);
            using var response = await Send(() => http.PostAsync("translate", content, cancellationToken));
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new TranslationEngineException($"APY answered {(int)response.StatusCode} for {langpair}: {Shorten(body)}");
            }

            using var json = JsonDocument.Parse(body);
            var text = json.RootElement.TryGetProperty("responseData", out var data) && data.TryGetProperty("translatedText", out var t) ? t.GetString() : null;
            results.Add(WebUtility.HtmlDecode(text ?? throw new TranslationEngineException("APY's answer has no responseData.translatedText.")));
        }

        return results;
    }

    public async Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        if (_pairs is null)
        {
            using var response = await Send(() => http.GetAsync("listPairs", cancellationToken));
            if (!response.IsSuccessStatusCode)
            {
                throw new TranslationEngineException($"APY answered {(int)response.StatusCode} to /listPairs.");
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            _pairs = json.RootElement.GetProperty("responseData").EnumerateArray()
                .Select(p => $"{p.GetProperty("sourceLanguage").GetString()}|{p.GetProperty("targetLanguage").GetString()}")
                .ToHashSet(StringComparer.Ordinal);
        }

        return _pairs.Contains($"{LanguageCodes.ToIso6393(sourceLanguage)}|{LanguageCodes.ToIso6393(targetLanguage)}");
    }

    internal static async Task<HttpResponseMessage> Send(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex)
        {
            throw new TranslationEngineException($"The translation engine is unreachable: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ex.CancellationToken.IsCancellationRequested)
        {
            throw new TranslationEngineException("The translation engine timed out.", ex);
        }
    }

    internal static string Shorten(string text) => text.Length > 300 ? text[..300] : text;
}

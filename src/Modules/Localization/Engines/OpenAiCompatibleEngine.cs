using System.Globalization;
using Microsoft.Extensions.AI;
using Tradewind.Contracts.Localization;

namespace Tradewind.Localization.Engines;

/// <summary>
/// An OpenAI-compatible chat endpoint through Microsoft.Extensions.AI's <see cref="IChatClient"/>: one chat completion
/// per segment, temperature 0, a system message naming the languages, the placeholders and the protected terms.
/// Its output is validated like any other engine's.
/// </summary>
internal sealed class OpenAiCompatibleEngine(string name, IChatClient chat) : ITranslationEngine
{
    public string Name => name;

    public async Task<IReadOnlyList<string>> TranslateAsync(
        IReadOnlyList<string> segments, string sourceLanguage, string targetLanguage, TranslationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(options);
        var target = CultureInfo.GetCultureInfo(targetLanguage).EnglishName;
        var source = CultureInfo.GetCultureInfo(sourceLanguage).EnglishName;
        var terms = options.ProtectedTerms.Count == 0 ? "" : $" Keep these terms unchanged: {string.Join(", ", options.ProtectedTerms)}.";
        var system = $"Translate the user's software product listing text from {source} to {target}. Keep Markdown markup and placeholders such as ZXTW0ZX exactly as they are.{terms} Reply with the translation only.";
        var results = new List<string>(segments.Count);
        foreach (var segment in segments)
        {
            ChatResponse response;
            try
            {
                response = await chat.GetResponseAsync(
                    [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, segment)],
                    new ChatOptions { Temperature = 0 },
                    cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not TranslationEngineException)
            {
                throw new TranslationEngineException($"The chat endpoint failed: {ex.Message}", ex);
            }

            results.Add(response.Text.Trim());
        }

        return results;
    }

    public Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) => Task.FromResult(true);
}

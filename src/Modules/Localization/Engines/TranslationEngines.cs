using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Tradewind.Contracts.Localization;

namespace Tradewind.Localization.Engines;

/// <summary>The engines configured under <c>Localization:Translation</c>, built once each, chosen per language pair.</summary>
internal sealed class TranslationEngines(IOptions<TranslationSettings> settings, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "translation";

    private readonly ConcurrentDictionary<string, ITranslationEngine> _engines = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The engine for a pair; null when none is configured (the pair is reported as <c>no_engine</c>).</summary>
    public ITranslationEngine? For(string source, string target)
    {
        var name = settings.Value.EngineFor(source, target);
        if (name is null)
        {
            return null;
        }

        return settings.Value.Engines.TryGetValue(name, out var engine) && !string.IsNullOrWhiteSpace(engine.Url)
            ? _engines.GetOrAdd(name, n => Create(n, engine))
            : null;
    }

    private ITranslationEngine Create(string name, EngineSettings engine)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var url = engine.Url!.EndsWith('/') ? engine.Url : engine.Url + "/";
        http.BaseAddress = new Uri(url);
        return engine.Kind switch
        {
            EngineKind.Apertium => new ApertiumApyEngine(name, http),
            EngineKind.LibreTranslate => new LibreTranslateEngine(name, http, engine.ApiKey),
            EngineKind.DeepL => new DeepLEngine(name, http, engine.ApiKey ?? throw new InvalidOperationException($"Translation engine {name} (DeepL) needs an ApiKey.")),
            EngineKind.OpenAiCompatible => new OpenAiCompatibleEngine(name, CreateChatClient(http, new Uri(url), engine)),
            _ => throw new InvalidOperationException($"Translation engine {name} has an unknown kind."),
        };
    }

    private static IChatClient CreateChatClient(HttpClient http, Uri endpoint, EngineSettings engine)
    {
        var model = engine.Model ?? throw new InvalidOperationException("An OpenAI-compatible translation engine needs a Model.");
        var options = new OpenAIClientOptions { Endpoint = endpoint, Transport = new HttpClientPipelineTransport(http) };
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(engine.ApiKey ?? "unused"), options).AsIChatClient();
    }
}

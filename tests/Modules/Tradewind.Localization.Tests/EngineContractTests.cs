using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Localization;
using Tradewind.Localization.Engines;

namespace Tradewind.Localization.Tests;

/// <summary>
/// Each HTTP engine against a local Kestrel fake that checks the engine's request has the documented shape (method,
/// path, headers, JSON fields) and answers with the documented response shape.
/// </summary>
public sealed class EngineContractTests : IAsyncLifetime
{
    private readonly List<string> _problems = [];
    private WebApplication _fake = null!;
    private string _url = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _fake = builder.Build();

        // LibreTranslate: POST /translate {"q": [...], "source", "target", "format", "api_key"} → {"translatedText": [...]}.
        _fake.MapPost("/translate", async (HttpRequest request) =>
        {
            var body = await ReadJsonAsync(request);
            Expect(request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, "LibreTranslate: JSON body");
            Expect(body["source"]?.GetValue<string>() == "en" && body["target"]?.GetValue<string>() == "es", "LibreTranslate: source/target");
            Expect(body["format"]?.GetValue<string>() == "text", "LibreTranslate: format");
            Expect(body["api_key"]?.GetValue<string>() == "lt-key", "LibreTranslate: api_key");
            var q = body["q"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            return Results.Json(new { translatedText = q.Select(s => "es:" + s).ToArray() });
        });

        // DeepL: POST /v2/translate, Authorization: DeepL-Auth-Key, {"text": [...], "source_lang", "target_lang"} → {"translations": [{"detected_source_language", "text"}]}.
        _fake.MapPost("/v2/translate", async (HttpRequest request) =>
        {
            if (request.Headers.Authorization.ToString() != "DeepL-Auth-Key dl-key")
            {
                // DeepL answers 403 to a missing or wrong key.
                return Results.Json(new { message = "Wrong endpoint. Use https://api.deepl.com" }, statusCode: StatusCodes.Status403Forbidden);
            }

            var body = await ReadJsonAsync(request);
            Expect(body["source_lang"]?.GetValue<string>() == "EN" && body["target_lang"]?.GetValue<string>() == "JA", "DeepL: source_lang/target_lang");
            var texts = body["text"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Expect(texts.Count <= 50, "DeepL: at most 50 texts per request");
            return Results.Json(new { translations = texts.Select(t => new { detected_source_language = "EN", text = "ja:" + t }).ToArray() });
        });

        // OpenAI-compatible: POST /v1/chat/completions, Authorization: Bearer, {"model", "messages": [system, user], "temperature": 0}.
        _fake.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            Expect(request.Headers.Authorization.ToString() == "Bearer oa-key", "Chat: Bearer key");
            var body = await ReadJsonAsync(request);
            Expect(body["model"]?.GetValue<string>() == "test-model", "Chat: model");
            Expect(body["temperature"]?.GetValue<double>() == 0, "Chat: temperature 0");
            var messages = body["messages"]!.AsArray();
            Expect(messages.Count == 2 && messages[0]!["role"]!.GetValue<string>() == "system" && messages[1]!["role"]!.GetValue<string>() == "user", "Chat: system then user message");
            var system = messages[0]!["content"]!.ToJsonString();
            Expect(system.Contains("French", StringComparison.Ordinal) && system.Contains("Acme Insights", StringComparison.Ordinal), "Chat: system message names the target language and the protected terms");
            var user = messages[1]!["content"] is JsonValue v ? v.GetValue<string>() : messages[1]!["content"]![0]!["text"]!.GetValue<string>();
            return Results.Json(new
            {
                id = "chatcmpl-1",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = "test-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = "fr:" + user }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
            });
        });

        await _fake.StartAsync();
        _url = _fake.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async ValueTask DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task LibreTranslate_sends_every_segment_in_one_request_and_reads_the_array()
    {
        var engine = Engines(("lt", EngineKind.LibreTranslate, _url, "lt-key", null), "en-es").For("en", "es")!;

        var result = await engine.TranslateAsync(["Hello", "ZXTW0ZX teams"], "en", "es", TranslationOptions.PlainText, TestContext.Current.CancellationToken);

        Assert.Empty(_problems);
        Assert.Equal(["es:Hello", "es:ZXTW0ZX teams"], result);
    }

    [Fact]
    public async Task DeepL_sends_the_key_header_and_batches_of_at_most_50_texts()
    {
        var engine = Engines(("deepl", EngineKind.DeepL, _url, "dl-key", null), "en-ja").For("en", "ja")!;
        var segments = Enumerable.Range(0, 120).Select(i => $"Segment {i}").ToList();

        var result = await engine.TranslateAsync(segments, "en", "ja", TranslationOptions.PlainText, TestContext.Current.CancellationToken);

        Assert.Empty(_problems);
        Assert.Equal(segments.Select(s => "ja:" + s), result);
    }

    [Fact]
    public async Task The_chat_engine_sends_a_system_prompt_with_the_terms_and_reads_the_assistant_message()
    {
        var engine = Engines(("llm", EngineKind.OpenAiCompatible, _url + "/v1", "oa-key", "test-model"), "*").For("en", "fr")!;

        var result = await engine.TranslateAsync(["Share reports"], "en", "fr", new TranslationOptions(TranslationFormat.Text, ["Acme Insights"]), TestContext.Current.CancellationToken);

        Assert.Empty(_problems);
        Assert.Equal(["fr:Share reports"], result);
    }

    [Fact]
    public async Task An_http_error_is_an_engine_failure_not_a_translation()
    {
        var engine = Engines(("deepl", EngineKind.DeepL, _url, "wrong-key", null), "en-ja").For("en", "ja")!;

        var failure = await Assert.ThrowsAsync<TranslationEngineException>(() =>
            engine.TranslateAsync(["x"], "en", "ja", TranslationOptions.PlainText, TestContext.Current.CancellationToken));

        Assert.Contains("DeepL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_without_a_configured_engine_has_none()
    {
        var engines = Engines(("lt", EngineKind.LibreTranslate, _url, null, null), "en-es");

        Assert.NotNull(engines.For("en", "es"));
        Assert.Null(engines.For("en", "ja"));
    }

    private void Expect(bool condition, string what)
    {
        if (!condition)
        {
            lock (_problems)
            {
                _problems.Add(what);
            }
        }
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpRequest request) =>
        (await JsonSerializer.DeserializeAsync<JsonObject>(request.Body))!;

    internal static TranslationEngines Engines((string Name, EngineKind Kind, string Url, string? Key, string? Model) engine, string pair)
    {
        var settings = new TranslationSettings();
        settings.Engines[engine.Name] = new EngineSettings { Kind = engine.Kind, Url = engine.Url, ApiKey = engine.Key, Model = engine.Model };
        settings.Pairs[pair] = engine.Name;
        return new TranslationEngines(Options.Create(settings), new PlainHttpClients());
    }

    private sealed class PlainHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}

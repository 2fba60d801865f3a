using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Persistence.Outbox;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// The host with six UI languages and listing translation on: English → Spanish through the Apertium APY server at
/// <c>TRADEWIND_APY_URL</c> (test.sh starts one), no engine for the other targets. Jobs run only when a test asks.
/// </summary>
public sealed class TranslationApp : TradewindApp
{
    public static string? ApyUrl => Environment.GetEnvironmentVariable("TRADEWIND_APY_URL") is { Length: > 0 } url ? url : null;

    /// <summary>Fails in CI and skips locally (with the reason) when no APY server is configured.</summary>
    public static void RequireApy()
    {
        if (ApyUrl is not null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("TRADEWIND_APY_URL is not set: CI must run Apertium APY (test.sh starts it).");
        }

        Assert.Skip("TRADEWIND_APY_URL is not set; start apertium-apy (see docs/translation.md) to run the Apertium tests.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        string[] cultures = ["en", "es", "fr", "ja", "ko", "de"];
        for (var i = 0; i < cultures.Length; i++)
        {
            builder.UseSetting($"Localization:UiCultures:{i}", cultures[i]);
        }

        builder.UseSetting("Localization:Translation:WorkerEnabled", "false");
        builder.UseSetting("Localization:Translation:Engines:apy:Kind", "Apertium");
        builder.UseSetting("Localization:Translation:Engines:apy:Url", ApyUrl ?? "http://127.0.0.1:9");
        builder.UseSetting("Localization:Translation:Pairs:en-es", "apy");
    }

    /// <summary>Creates, submits and approves a listing as <paramref name="seller"/>; returns its id and slug.</summary>
    public async Task<(string Id, string Slug)> PublishAsync(Tenant seller, JsonObject listing, CancellationToken ct)
    {
        var client = ClientFor(seller);
        var created = await client.PostAsync("/api/v1/products", Body(listing), ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        await client.AddPlanAsync(id, UsagePlan("Usage", PerUnit("0.01")), ct);
        (await client.PostAsync($"/api/v1/products/{id}/submit", null, ct)).EnsureSuccessStatusCode();
        var approved = await (await ClientFor(Operator).PostAsync($"/api/v1/review/{id}/approve", null, ct)).ReadJsonAsync();
        return (id, approved.GetProperty("slug").GetString()!);
    }

    /// <summary>Delivers the outbox (ProductPublished queues the jobs), runs the due jobs, delivers again (translations changed).</summary>
    public async Task RunTranslationJobsAsync(CancellationToken ct)
    {
        var outbox = Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.DispatchPendingAsync(ct) > 0)
        {
        }

        var ran = await (await ClientFor(Operator).PostAsync("/api/v1/translations/run", null, ct)).ReadJsonAsync();
        Assert.True(ran.GetProperty("ran").GetInt32() >= 0);
        while (await outbox.DispatchPendingAsync(ct) > 0)
        {
        }
    }
}

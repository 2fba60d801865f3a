using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>Request bodies and calls the catalog API tests share: a complete listing, plans of every kind, images.</summary>
public static class CatalogRequests
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAACCAIAAAAW4yFwAAAAEElEQVR4nGP4z8DAxMDAAAAPCQEDE1oV3AAAAABJRU5ErkJggg==");

    public static JsonObject Listing(string title) => new()
    {
        ["title"] = title,
        ["shortDescription"] = "Search every log line in seconds.",
        ["longDescription"] = "## Why\n\nBecause logs matter.\n\n- Fast\n- Cheap",
        ["highlights"] = new JsonArray("Sub-second search", "Unlimited users"),
        ["categories"] = new JsonArray("observability", "security"),
        ["keywords"] = new JsonArray("logs", "search"),
        ["support"] = new JsonObject { ["email"] = "help@example.com", ["url"] = "https://example.com/help" },
        ["fulfilmentUrl"] = "https://example.com/tradewind/signup",
        ["availability"] = new JsonObject { ["excludedCountries"] = new JsonArray("KP", "IR") },
        ["licence"] = new JsonObject { ["kind"] = "standard" },
    };

    public static JsonObject PerUnit(string price) => new() { ["model"] = "perUnit", ["unitPrice"] = price };

    public static JsonObject Tiered(string model, params (decimal From, decimal? UpTo, string Price)[] tiers) => new()
    {
        ["model"] = model,
        ["tiers"] = new JsonArray(tiers.Select(t => (JsonNode)new JsonObject { ["from"] = t.From, ["upTo"] = t.UpTo, ["unitPrice"] = t.Price }).ToArray()),
    };

    public static JsonObject Dimension(string key, JsonObject? price) => new() { ["key"] = key, ["name"] = key.Replace('_', ' '), ["unit"] = "request", ["price"] = price };

    public static JsonObject UsagePlan(string name, JsonObject price) => new()
    {
        ["name"] = name,
        ["dimensions"] = new JsonArray(Dimension("requests", price)),
    };

    public static JsonObject ContractPlan(string name, int months, string price, int installments, bool overage) => new()
    {
        ["name"] = name,
        ["dimensions"] = new JsonArray(Dimension("requests", overage ? PerUnit("0.001") : null)),
        ["contract"] = new JsonObject
        {
            ["termMonths"] = months,
            ["price"] = price,
            ["installments"] = installments,
            ["overage"] = overage,
            ["entitlements"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["quantity"] = 1_000_000 }),
        },
    };

    /// <summary>One plan of every kind: usage with each price model, free trial (with quotas), free tier, contracts upfront and in installments, overage.</summary>
    public static IReadOnlyList<JsonObject> PlansOfEveryKind()
    {
        var trial = UsagePlan("Per unit with trial", PerUnit("0.0125"));
        trial["freeTrial"] = new JsonObject { ["days"] = 14, ["quotas"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["quantity"] = 10_000 }) };
        var freeTier = UsagePlan("Graduated with free tier", Tiered("graduated", (0, 1000, "0.01"), (1000, null, "0.008")));
        freeTier["freeTier"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["unitsPerMonth"] = 500 });
        return
        [
            trial,
            freeTier,
            UsagePlan("Volume", Tiered("volume", (0, 1000, "0.02"), (1000, 10000, "0.015"), (10000, null, "0.01"))),
            UsagePlan("Package", new JsonObject { ["model"] = "package", ["packageSize"] = 1000, ["packagePrice"] = "5.00" }),
            ContractPlan("Annual upfront", 12, "1200.00", 1, overage: false),
            ContractPlan("Two years monthly", 24, "2400.00", 24, overage: false),
            ContractPlan("Three years yearly with overage", 36, "3000.00", 3, overage: true),
        ];
    }

    public static StringContent Body(JsonNode node) => HttpAssertions.Json(node.ToJsonString());

    public static async Task<JsonElement> CreateProductAsync(this HttpClient client, string title, CancellationToken ct)
    {
        var response = await client.PostAsync("/api/v1/products", Body(Listing(title)), ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> AddPlanAsync(this HttpClient client, string productId, JsonObject plan, CancellationToken ct)
    {
        var response = await client.PostAsync($"/api/v1/products/{productId}/plans", Body(plan), ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        return await response.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string productId, string kind, byte[] bytes, CancellationToken ct, string fileName = "logo.png")
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/products/{productId}/media", form, ct);
    }

    /// <summary>A seller's complete product with one plan, submitted: ready for the operator.</summary>
    public static async Task<string> SubmittedProductAsync(this HttpClient seller, string title, CancellationToken ct)
    {
        var id = (await seller.CreateProductAsync(title, ct)).GetProperty("id").GetString()!;
        await seller.AddPlanAsync(id, UsagePlan("Usage", PerUnit("0.01")), ct);
        var submitted = await seller.PostAsync($"/api/v1/products/{id}/submit", null, ct);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync(ct));
        return id;
    }

    public static async Task<string> PublishedProductAsync(this TradewindApp app, HttpClient seller, string title, CancellationToken ct)
    {
        var id = await seller.SubmittedProductAsync(title, ct);
        var approved = await app.ClientFor(app.Operator).PostAsync($"/api/v1/review/{id}/approve", null, ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return id;
    }
}

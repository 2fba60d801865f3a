using System.Net;
using System.Text.Json.Nodes;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>A buyer subscribed through the API to a new pay-as-you-go product, for tests that need real usage on it.</summary>
public static class UsageSubscriptions
{
    /// <summary>
    /// A new published usage product of <paramref name="seller"/> (dimensions <c>requests</c> at 0.01 and
    /// <c>gigabytes</c> at 0.10, per unit), approved by the operator, and <paramref name="buyer"/>'s agreement on it.
    /// </summary>
    public static async Task<(string ProductId, string AgreementId, string Customer)> SubscribeToUsageProductAsync(this TradewindApp app, Tenant seller, Tenant buyer, string title)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.ClientFor(seller);
        var created = await client.PostAsync("/api/v1/products", Body(Listing(title)), CancellationToken.None);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var productId = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var plan = UsagePlan("Usage", PerUnit("0.01"));
        ((JsonArray)plan["dimensions"]!).Add(Dimension("gigabytes", PerUnit("0.10")));
        var planId = (await client.AddPlanAsync(productId, plan, CancellationToken.None)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/products/{productId}/submit", null, CancellationToken.None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Operator).PostAsync($"/api/v1/review/{productId}/approve", null, CancellationToken.None)).StatusCode);
        var subscribe = Body(new JsonObject { ["productId"] = productId, ["planId"] = planId, ["acceptedLicenceVersion"] = "2026-11" });
        var response = await app.ClientFor(buyer).PostAsync("/api/v1/agreements", subscribe, CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var agreement = (await response.ReadJsonAsync()).GetProperty("agreement");
        return (productId, agreement.GetProperty("id").GetString()!, agreement.GetProperty("customerIdentifier").GetString()!);
    }
}

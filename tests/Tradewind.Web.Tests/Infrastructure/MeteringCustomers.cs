using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>A buyer subscribed to a seller's usage product (dimension <c>requests</c>), as the seller's software knows it.</summary>
public sealed record SubscribedCustomer(string ProductId, string AgreementId, string CustomerIdentifier, string RegistrationToken);

/// <summary>An AWS access key as created through the REST API; <see cref="SecretAccessKey"/> is only known at creation.</summary>
public sealed record CreatedAwsKey(Guid Id, string AccessKeyId, string SecretAccessKey, string? CustomerIdentifier);

/// <summary>Sets up what metering needs: published usage products, subscriptions, and AWS access keys (bound or not).</summary>
public static class MeteringCustomers
{
    /// <summary>Publishes a product of <paramref name="seller"/> with a per-unit plan on <c>requests</c> and subscribes <paramref name="buyer"/>.</summary>
    public static async Task<SubscribedCustomer> SubscribedCustomerAsync(this TradewindApp app, Tenant seller, Tenant buyer, string title)
    {
        var productId = await app.PublishedProductAsync(app.ClientFor(seller), title, CancellationToken.None);
        var plans = await (await app.ClientFor(seller).GetAsync($"/api/v1/products/{productId}/plans", CancellationToken.None)).ReadJsonAsync();
        var planId = plans.EnumerateArray().First().GetProperty("id").GetString()!;
        var body = Body(new JsonObject { ["productId"] = productId, ["planId"] = planId, ["acceptedLicenceVersion"] = "2026-11" });
        var response = await app.ClientFor(buyer).PostAsync("/api/v1/agreements", body, CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(CancellationToken.None));
        var subscription = await response.ReadJsonAsync();
        var agreement = subscription.GetProperty("agreement");
        return new SubscribedCustomer(
            productId,
            agreement.GetProperty("id").GetString()!,
            agreement.GetProperty("customerIdentifier").GetString()!,
            subscription.GetProperty("fulfilment").GetProperty("registrationToken").GetString()!);
    }

    /// <summary>Creates an AWS access key for <paramref name="seller"/>, bound to <paramref name="customerIdentifier"/> when given.</summary>
    public static async Task<CreatedAwsKey> AwsKeyAsync(this TradewindApp app, Tenant seller, string? customerIdentifier = null, Uri? baseAddress = null)
    {
        var client = app.ClientFor(seller);
        var path = "/api/v1/aws-access-keys";
        var response = await client.PostAsJsonAsync(baseAddress is null ? new Uri(path, UriKind.Relative) : new Uri(baseAddress, path), new { name = "metering test", customerIdentifier }, CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(CancellationToken.None));
        var key = await response.ReadJsonAsync();
        return new CreatedAwsKey(
            key.GetProperty("id").GetGuid(),
            key.GetProperty("accessKeyId").GetString()!,
            key.GetProperty("secretAccessKey").GetString()!,
            key.TryGetProperty("customerIdentifier", out var bound) ? bound.GetString() : null);
    }
}

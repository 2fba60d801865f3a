using System.Net;
using System.Net.Http.Json;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class ApiKeysApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_acts_for_its_organisation_in_its_role()
    {
        var me = await (await app.ClientFor(app.SellerA).GetAsync("/api/v1/me", _ct)).ReadJsonAsync();

        Assert.Equal(app.SellerA.Organisation.Id.Value, me.GetProperty("organisationId").GetGuid());
        Assert.Equal("Alpha Software GmbH", me.GetProperty("organisationName").GetString());
        Assert.Equal("seller", me.GetProperty("role").GetString());
        Assert.Equal("api-key", me.GetProperty("authenticatedWith").GetString());
    }

    [Fact]
    public async Task An_issued_key_works_at_once_and_its_secret_is_never_listed()
    {
        var client = app.ClientFor(app.Buyer);

        var issued = await (await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "procurement bot" }, _ct)).ReadJsonAsync();
        var secret = issued.GetProperty("secret").GetString()!;

        Assert.StartsWith("tw_", secret, StringComparison.Ordinal);
        Assert.StartsWith(issued.GetProperty("prefix").GetString()!, secret, StringComparison.Ordinal);
        Assert.Equal("buyer", issued.GetProperty("role").GetString());
        var withNewKey = app.CreateClient();
        withNewKey.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await withNewKey.GetAsync("/api/v1/me", _ct)).StatusCode);
        var listing = await (await client.GetAsync("/api/v1/api-keys", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Contains("procurement bot", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listing, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        var client = app.ClientFor(app.SellerB);
        var issued = await (await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "short-lived" }, _ct)).ReadJsonAsync();
        var revokable = app.CreateClient();
        revokable.DefaultRequestHeaders.Authorization = new("Bearer", issued.GetProperty("secret").GetString());

        var revoked = await client.DeleteAsync($"/api/v1/api-keys/{issued.GetProperty("id").GetGuid()}", _ct);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await revoked.ReadJsonAsync()).GetProperty("revokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revokable.GetAsync("/api/v1/me", _ct)).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_key_cannot_be_seen_or_revoked()
    {
        var alpha = app.ClientFor(app.SellerA);
        var issued = await (await alpha.PostAsJsonAsync("/api/v1/api-keys", new { name = "alpha only" }, _ct)).ReadJsonAsync();
        var id = issued.GetProperty("id").GetGuid();
        var beta = app.ClientFor(app.SellerB);

        var revoke = await beta.DeleteAsync($"/api/v1/api-keys/{id}", _ct);
        var betaList = await (await beta.GetAsync("/api/v1/api-keys?pageSize=200", _ct)).Content.ReadAsStringAsync(_ct);

        await revoke.AssertProblemAsync(HttpStatusCode.NotFound, "api-key-not-found");
        Assert.DoesNotContain(id.ToString(), betaList, StringComparison.Ordinal);
        var alphaClientWithNewKey = app.CreateClient();
        alphaClientWithNewKey.DefaultRequestHeaders.Authorization = new("Bearer", issued.GetProperty("secret").GetString());
        Assert.Equal(HttpStatusCode.OK, (await alphaClientWithNewKey.GetAsync("/api/v1/me", _ct)).StatusCode);
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync("/api/v1/api-keys", new { name = "" }, _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }
}

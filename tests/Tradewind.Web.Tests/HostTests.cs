using System.Net;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class HostTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_reports_the_database_and_culture_data_healthy()
    {
        var response = await app.CreateClient().GetAsync("/health", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("€", body.GetProperty("checks").GetProperty("cultures").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_is_plain_text_and_checks_nothing()
    {
        var response = await app.CreateClient().GetAsync("/health/live", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(_ct));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_public_api()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        Assert.Equal("Tradewind API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/currencies", "/api/v1/countries", "/api/v1/organisations", "/api/v1/api-keys", "/api/v1/me", "/api/v1/private-offers", "/api/v1/private-offer-templates" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("apiKey", out _));
    }

    [Fact]
    public async Task The_API_reference_is_served_at_docs()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync("/docs/", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Contains("Tradewind API", html, StringComparison.Ordinal);
        // The reference UI's script is served by Tradewind itself: no CDN needed.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/scalar.js", _ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/no-such-thing", _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("/api/v1/no-such-thing", problem.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task An_unknown_route_asked_for_as_json_is_a_404_problem_even_outside_the_api()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await app.CreateClient().SendAsync(request, _ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await app.CreateClient().DeleteAsync("/api/v1/currencies", _ct);

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }
}

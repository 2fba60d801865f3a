using System.Net;
using System.Text.RegularExpressions;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed partial class StorefrontCacheTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_listing_page_is_served_from_the_output_cache_the_second_time()
    {
        var client = app.CreateClient();

        var first = await client.GetAsync("/products/alpha-logs", _ct);
        var second = await client.GetAsync("/products/alpha-logs", _ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        // The cached page is the same page, except that each view carries its own attribution token.
        var firstBody = await first.Content.ReadAsStringAsync(_ct);
        var secondBody = await second.Content.ReadAsStringAsync(_ct);
        Assert.NotEqual(ViewTokens().Match(firstBody).Groups["token"].Value, ViewTokens().Match(secondBody).Groups["token"].Value);
        Assert.Equal(ViewTokens().Replace(firstBody, "${name}TOKEN"), ViewTokens().Replace(secondBody, "${name}TOKEN"));
    }

    [GeneratedRegex("(?<name>att=|data-view=\")(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ViewTokens();

    [Fact]
    public async Task A_signed_in_caller_never_gets_a_cached_page()
    {
        var anonymous = app.CreateClient();
        await anonymous.GetAsync("/categories", _ct);
        var seller = app.ClientFor(app.SellerA);

        var response = await seller.GetAsync("/categories", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
    }

    [Fact]
    public async Task Different_queries_are_cached_apart()
    {
        var client = app.CreateClient();
        var first = await client.GetAsync("/categories/observability", _ct);

        var other = await client.GetAsync("/categories/observability?page=2", _ct);
        var again = await client.GetAsync("/categories/observability", _ct);

        Assert.Null(first.Headers.Age);
        Assert.Null(other.Headers.Age);
        Assert.NotNull(again.Headers.Age);
    }
}

using System.Net;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class StorefrontCacheTests(TradewindApp app) : IClassFixture<TradewindApp>
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
        Assert.Equal(await first.Content.ReadAsStringAsync(_ct), await second.Content.ReadAsStringAsync(_ct));
    }

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

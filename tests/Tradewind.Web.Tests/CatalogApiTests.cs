using System.Net;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class CatalogApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_sees_all_of_its_own_products_and_none_of_another_sellers()
    {
        var page = await (await app.ClientFor(app.SellerA).GetAsync("/api/v1/products", _ct)).ReadJsonAsync();

        var titles = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Alpha Draft", "Alpha Logs"], titles.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Beta Shield", titles);
    }

    [Fact]
    public async Task A_buyer_may_not_list_seller_products()
    {
        var response = await app.ClientFor(app.Buyer).GetAsync("/api/v1/products", _ct);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Categories_are_public_and_count_only_published_listings()
    {
        var categories = (await (await app.CreateClient().GetAsync("/api/v1/categories", _ct)).ReadJsonAsync()).EnumerateArray().ToList();

        int Count(string slug) => categories.Single(c => c.GetProperty("slug").GetString() == slug).GetProperty("listingCount").GetInt32();
        Assert.Equal(1, Count("observability"));
        Assert.Equal(1, Count("security"));
    }
}

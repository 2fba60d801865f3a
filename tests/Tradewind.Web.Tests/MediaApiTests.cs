using System.Net;
using System.Text;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

public sealed class MediaApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_uploaded_logo_is_served_publicly_with_long_caching_and_its_hash_as_etag()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = (await seller.CreateProductAsync("Alpha Logo", _ct)).GetProperty("id").GetString();

        var upload = await seller.UploadAsync(id!, "logo", Png, _ct);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var media = await upload.ReadJsonAsync();
        Assert.Equal("image/png", media.GetProperty("contentType").GetString());
        Assert.Equal(1, media.GetProperty("width").GetInt32());
        Assert.Equal(2, media.GetProperty("height").GetInt32());
        var sha = media.GetProperty("sha256").GetString();
        var anonymous = app.CreateClient();
        var served = await anonymous.GetAsync(upload.Headers.Location, _ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal($"\"{sha}\"", served.Headers.ETag?.Tag);
        Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl?.ToString());

        var request = new HttpRequestMessage(HttpMethod.Get, upload.Headers.Location);
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{sha}\"");
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(request, _ct)).StatusCode);

        var product = await (await seller.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync();
        Assert.Equal(media.GetProperty("id").GetString(), product.GetProperty("draft").GetProperty("logo").GetString());
    }

    public static TheoryData<string, string, byte[]> RefusedUploads => new()
    {
        { "svg", "logo", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") },
        { "gif", "logo", Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000") },
        { "oversized logo", "logo", [.. Png, .. new byte[1024 * 1024]] },
        { "oversized screenshot", "screenshot", [.. Png, .. new byte[5 * 1024 * 1024]] },
        { "empty", "logo", [] },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task A_refused_upload_names_the_file_and_stores_nothing(string @case, string kind, byte[] bytes)
    {
        var seller = app.ClientFor(app.SellerB);
        var id = (await seller.CreateProductAsync($"Beta Media {@case}", _ct)).GetProperty("id").GetString();

        var problem = await (await seller.UploadAsync(id!, kind, bytes, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), problem.ToString());
        var draft = (await (await seller.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync()).GetProperty("draft");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, draft.GetProperty("logo").ValueKind);
        Assert.Empty(draft.GetProperty("screenshots").EnumerateArray());
    }

    [Fact]
    public async Task A_listing_shows_at_most_five_screenshots()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = (await seller.CreateProductAsync("Alpha Gallery", _ct)).GetProperty("id").GetString()!;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await seller.UploadAsync(id, "screenshot", Png, _ct)).StatusCode);
        }

        var problem = await (await seller.UploadAsync(id, "screenshot", Png, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        var draft = (await (await seller.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync()).GetProperty("draft");
        Assert.Equal(5, draft.GetProperty("screenshots").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_by_name()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = (await seller.CreateProductAsync("Alpha Kind", _ct)).GetProperty("id").GetString()!;

        var problem = await (await seller.UploadAsync(id, "banner", Png, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task Another_seller_gets_404_and_a_buyer_403_when_uploading_to_someone_elses_product()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = (await seller.CreateProductAsync("Alpha Guarded Media", _ct)).GetProperty("id").GetString()!;

        await (await app.ClientFor(app.SellerB).UploadAsync(id, "logo", Png, _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.ClientFor(app.Buyer).UploadAsync(id, "logo", Png, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientFor(app.Operator).UploadAsync(id, "logo", Png, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var draft = (await (await seller.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync()).GetProperty("draft");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, draft.GetProperty("logo").ValueKind);
    }

    [Fact]
    public async Task Unknown_media_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/media/{Guid.NewGuid()}", _ct)).StatusCode);
    }
}

using System.Net;
using AngleSharp.Html.Parser;
using Tradewind.Web.Demo;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class FxPageTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_operator_uploads_an_ECB_file_sets_an_override_and_sees_both_in_the_table()
    {
        var client = OperatorWithoutRedirects();
        var page = await ParseAsync(await client.GetAsync("/operator/fx", _ct));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StreamContent(DemoExchangeRates.Open()), "EcbFile", DemoExchangeRates.FileName },
        };
        var imported = await FollowAsync(client, await client.PostAsync("/operator/fx?handler=Import", upload, _ct));
        var overridden = await FollowAsync(client, await client.PostAsync("/operator/fx?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["OverrideQuote"] = "SEK",
            ["OverrideDate"] = "2026-11-27",
            ["OverrideRate"] = "11.0000",
        }), _ct));

        Assert.Contains("Imported 10 days of rates", imported.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 EUR = 11 SEK", overridden.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var rows = overridden.QuerySelectorAll("table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.TextContent);
        Assert.Equal(29, rows.Count);
        Assert.Contains("Operator override", rows["SEK"], StringComparison.Ordinal);
        Assert.Contains("1.1467", rows["USD"], StringComparison.Ordinal);
        Assert.Contains("ECB", rows["USD"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_override_is_shown_next_to_its_field()
    {
        var client = app.ClientFor(app.Operator);
        var token = (await ParseAsync(await client.GetAsync("/operator/fx", _ct))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/operator/fx?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["OverrideQuote"] = "USD",
            ["OverrideDate"] = "2026-11-20",
            ["OverrideRate"] = "1,17",
        }), _ct);

        var page = await ParseAsync(response);
        Assert.Contains("at most 10 decimal places", page.QuerySelector("#override-rate-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seller_may_not_open_the_exchange_rate_console()
    {
        var response = await app.ClientFor(app.SellerA).GetAsync("/operator/fx", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // A redirected request loses its Authorization header, so redirects are followed here with the same key.
    private HttpClient OperatorWithoutRedirects()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.Operator.ApiKey);
        return client;
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await ParseAsync(await client.GetAsync(response.Headers.Location, _ct));
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(_ct));
    }
}

using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Tradewind.Web.Tests.Offers;

/// <summary>
/// The private offer pages as their users post them: the seller builds an offer in the form (a schedule that does not add
/// up is refused next to it), previews and sends it; the buyer finds it in the portal, opens and accepts it into a
/// subscription; another buyer's address answers 404; an expired offer offers no Accept button.
/// </summary>
public sealed class PrivateOfferPagesTests(OfferPagesApp app) : IClassFixture<OfferPagesApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_builds_an_offer_in_the_form_sends_it_and_the_german_buyer_accepts_it_from_the_portal()
    {
        var (productId, planId) = await app.PublishedPlanAsync("Offer Logs");
        var seller = app.PagesClientFor(app.SellerA);
        var (token, form) = await FormAsync(seller, "/seller/offers/new");
        Assert.NotNull(form.QuerySelector($"#Form_Plan option[value='{productId}:{planId}']"));
        Assert.NotNull(form.QuerySelector($"#Form_BuyerId option[value='']"));
        Assert.NotNull(form.QuerySelector($"#Form_Currency option[value='EUR']"));

        var fields = OfferFields(token, productId, planId, "2026-12-31");
        fields["Form.Installments[3].Amount"] = "250.00";
        var refused = await seller.PostAsync("/seller/offers/new", new FormUrlEncodedContent(fields), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusal = await ParseAsync(refused);
        Assert.Contains("sum to 1150.00 EUR", refusal.QuerySelector(".offer-installments")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("250.00", refusal.QuerySelector("#Form_Installments_3_Amount")!.GetAttribute("value"));

        fields["Form.Installments[3].Amount"] = "300.00";
        var saved = await seller.PostAsync("/seller/offers/new", new FormUrlEncodedContent(fields), _ct);
        await AssertRedirectAsync(saved);
        var details = saved.Headers.Location!.OriginalString;
        var offerId = details.Split('/')[^1];

        var draft = await GetAsync(seller, details);
        Assert.Equal("Draft", draft.QuerySelector("header .badge")!.GetAttribute("data-status"));
        var preview = draft.QuerySelector(".offer-preview .offer-terms")!;
        Assert.Equal(["1", "2", "3", "4"], preview.QuerySelectorAll(".offer-schedule tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Contains("1,200.00", preview.QuerySelector(".offer-value")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("€", preview.QuerySelector(".offer-value")!.TextContent, StringComparison.Ordinal);

        var sendToken = draft.QuerySelector("form[action*='handler=Publish'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var sent = await seller.PostAsync($"{details}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = sendToken }), _ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var published = await GetAsync(seller, details);
        Assert.Equal("Published", published.QuerySelector("header .badge")!.GetAttribute("data-status"));
        Assert.EndsWith($"/account/offers/{offerId}", published.QuerySelector("#offer-link")!.GetAttribute("value"), StringComparison.Ordinal);

        // The buyer: Private offers → the offer → Accept.
        var buyer = app.PagesClientFor(app.GermanBuyer);
        var list = await GetAsync(buyer, "/account/offers");
        var row = list.QuerySelector($"tr[data-offer='{offerId}']")!;
        Assert.Contains("EUR", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/account/offers/{offerId}", row.QuerySelector("a")!.GetAttribute("href"));
        var offer = await GetAsync(buyer, $"/account/offers/{offerId}");
        Assert.Equal("Viewed", offer.QuerySelector("header .badge")!.GetAttribute("data-status"));
        Assert.Equal(
            draft.QuerySelector(".offer-preview .offer-schedule")!.TextContent,
            offer.QuerySelector(".offer-terms .offer-schedule")!.TextContent);
        var acceptToken = offer.QuerySelector("form.offer-accept input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var accepted = await buyer.PostAsync($"/account/offers/{offerId}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = acceptToken }), _ct);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/account/subscriptions/", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var subscription = await GetAsync(buyer, accepted.Headers.Location.OriginalString);
        Assert.Contains("You accepted", subscription.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var after = await GetAsync(buyer, $"/account/offers/{offerId}");
        Assert.Equal("Accepted", after.QuerySelector("header .badge")!.GetAttribute("data-status"));
        Assert.Null(after.QuerySelector("form.offer-accept"));
        var history = (await GetAsync(seller, details)).QuerySelectorAll(".offer-history tbody tr").Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Equal(["created", "published", "viewed", "accepted"], history);

        // The Japanese buyer cannot open the German buyer's offer.
        var other = await app.PagesClientFor(app.Buyer).GetAsync($"/account/offers/{offerId}", _ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(offerId, await (await app.PagesClientFor(app.Buyer).GetAsync("/account/offers", _ct)).Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_past_its_last_day_shows_its_state_and_no_accept_button()
    {
        var (productId, planId) = await app.PublishedPlanAsync("Offer Metrics");
        var seller = app.PagesClientFor(app.SellerA);
        var (token, _) = await FormAsync(seller, "/seller/offers/new");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fields = OfferFields(token, productId, planId, today);
        fields["Form.Payment"] = "upfront";
        var saved = await seller.PostAsync("/seller/offers/new", new FormUrlEncodedContent(fields), _ct);
        await AssertRedirectAsync(saved);
        var details = saved.Headers.Location!.OriginalString;
        var offerId = details.Split('/')[^1];
        var draft = await GetAsync(seller, details);
        var sendToken = draft.QuerySelector("form[action*='handler=Publish'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await seller.PostAsync($"{details}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = sendToken }), _ct)).StatusCode);
        var buyer = app.PagesClientFor(app.GermanBuyer);
        Assert.NotNull((await GetAsync(buyer, $"/account/offers/{offerId}")).QuerySelector("form.offer-accept"));

        app.Clock.Advance(TimeSpan.FromDays(2));
        var expired = await GetAsync(buyer, $"/account/offers/{offerId}");

        Assert.Equal("Expired", expired.QuerySelector("header .badge")!.GetAttribute("data-status"));
        Assert.Null(expired.QuerySelector("form.offer-accept"));
        Assert.Null(expired.QuerySelector("form[action*='handler=Decline']"));
        Assert.Contains("can no longer be accepted", expired.QuerySelector(".alert-info")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seller_and_operator_lists_show_the_report_and_a_buyer_may_not_open_the_seller_portal()
    {
        var seller = await GetAsync(app.PagesClientFor(app.SellerA), "/seller/offers");
        Assert.NotNull(seller.QuerySelector(".offer-report [data-figure=sent] dd"));
        Assert.NotNull(seller.QuerySelector("a[href='/seller/offers/new']"));
        Assert.NotNull(seller.QuerySelector("nav.area-nav a[href='/seller/offers'][aria-current=page]"));
        var console = await GetAsync(app.PagesClientFor(app.Operator), "/operator/offers?status=Accepted&currency=eur");
        Assert.NotNull(console.QuerySelector(".offer-report [data-figure=value] dd"));
        Assert.Equal("EUR", console.QuerySelector("input[name=currency]")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Forbidden, (await app.PagesClientFor(app.Buyer).GetAsync("/seller/offers", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.PagesClientFor(app.SellerA).GetAsync("/operator/offers", _ct)).StatusCode);
    }

    private Dictionary<string, string> OfferFields(string token, string productId, string planId, string expiresOn)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        string Due(int months) => today.AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            ["__RequestVerificationToken"] = token,
            ["command"] = "save",
            ["Form.Plan"] = $"{productId}:{planId}",
            ["Form.BuyerId"] = app.GermanBuyer.Organisation.Id.Value.ToString(),
            ["Form.Name"] = "Delta 12-month contract",
            ["Form.Currency"] = "EUR",
            ["Form.SellerEntityId"] = app.SellerAEntity.Value.ToString(),
            ["Form.TermMonths"] = "12",
            ["Form.ExpiresOn"] = expiresOn,
            ["Form.Dimensions[0].Key"] = "requests",
            ["Form.Dimensions[0].Included"] = "100000",
            ["Form.ContractPrice"] = "1200.00",
            ["Form.Payment"] = "schedule",
            ["Form.Installments[0].DueOn"] = Due(0),
            ["Form.Installments[0].Amount"] = "300.00",
            ["Form.Installments[1].DueOn"] = Due(3),
            ["Form.Installments[1].Amount"] = "300.00",
            ["Form.Installments[2].DueOn"] = Due(6),
            ["Form.Installments[2].Amount"] = "300.00",
            ["Form.Installments[3].DueOn"] = Due(9),
            ["Form.Installments[3].Amount"] = "300.00",
            ["Form.Licence"] = "Standard",
            ["Form.NoteToBuyer"] = "As discussed: a year of logs at a fixed price.",
        };
    }

    /// <summary>A redirect, or the refusals the page shows (so a failure says why).</summary>
    private async Task AssertRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await ParseAsync(response);
            Assert.Fail($"{response.StatusCode}: " + string.Join(" | ", page.QuerySelectorAll(".field-error, .alert-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)));
        }
    }

    private async Task<(string Token, IHtmlDocument Document)> FormAsync(HttpClient client, string url)
    {
        var document = await GetAsync(client, url);
        return (document.QuerySelector("form.offer-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!, document);
    }

    private async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, _ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}.");
        return await ParseAsync(response);
    }

    private async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(_ct));
}

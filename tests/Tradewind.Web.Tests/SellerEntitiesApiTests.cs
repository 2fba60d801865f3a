using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class SellerEntitiesApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    internal static object NewEntity(string legalName, string country, string taxId) => new
    {
        legalName,
        countryCode = country,
        address = new { line1 = "Hauptstraße 1", city = "Berlin", postalCode = "10115", countryCode = country },
        taxId,
    };

    internal static async Task<JsonElement> CreateAsync(HttpClient client, string legalName, string country, string taxId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/seller-entities", NewEntity(legalName, country, taxId), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] content, string contentType = "application/pdf")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PutAsync($"/api/v1/seller-entities/{id}/tax-form?fileName=w8.pdf", body, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_seller_registers_an_entity_that_waits_for_review_and_needs_the_right_tax_form()
    {
        var client = app.ClientFor(app.SellerA);

        var german = await CreateAsync(client, "Alpha Software GmbH", "DE", "DE 136 695 976");
        var american = await CreateAsync(client, "Alpha Software Inc.", "US", "12-3456789");

        Assert.Equal("pending", german.GetProperty("kycStatus").GetString());
        Assert.Equal("DE136695976", german.GetProperty("taxId").GetString());
        Assert.Equal("W-8BEN-E", german.GetProperty("requiredTaxForm").GetString());
        Assert.Equal("W-9", american.GetProperty("requiredTaxForm").GetString());
        Assert.Equal(app.SellerA.Organisation.Id.Value, german.GetProperty("sellerId").GetGuid());
        var list = await (await client.GetAsync("/api/v1/seller-entities", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Contains("Alpha Software Inc.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tax_id_with_a_wrong_check_digit_is_refused_with_its_reason_and_nothing_is_saved()
    {
        var client = app.ClientFor(app.SellerB);

        var response = await client.PostAsJsonAsync("/api/v1/seller-entities", NewEntity("Beta Cloud Checkdigit Ltd", "GB", "GB 100 1950 76"), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("check digit", problem.GetProperty("errors").GetProperty("taxId")[0].GetString(), StringComparison.Ordinal);
        var list = await (await client.GetAsync("/api/v1/seller-entities", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.DoesNotContain("Checkdigit", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CN", "91110000600037341L")]
    [InlineData("BR", "61882613000194")]
    [InlineData("SG", "53318686C")]
    public async Task An_entity_from_an_ineligible_jurisdiction_is_refused_and_nothing_is_saved(string country, string taxId)
    {
        var client = app.ClientFor(app.SellerB);

        var response = await client.PostAsJsonAsync("/api/v1/seller-entities", NewEntity($"Beta {country} Ineligible", country, taxId), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "jurisdiction-not-eligible");
        Assert.Contains("cannot sell on Tradewind", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var rows = await app.ReadAsync("accounts_seller_entities");
        Assert.DoesNotContain(rows, r => r["legal_name"].Contains("Ineligible", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tax_form_must_be_a_PDF_of_at_most_5_MB()
    {
        var client = app.ClientFor(app.SellerA);
        var id = (await CreateAsync(client, "Alpha Forms GmbH", "DE", "DE136695976")).GetProperty("id").GetGuid();

        var notPdf = await UploadAsync(client, id, Encoding.ASCII.GetBytes("GIF89a not a pdf"));
        var tooBig = await UploadAsync(client, id, [.. Pdf, .. new byte[(5 * 1024 * 1024) + 1]]);
        var wrongType = await UploadAsync(client, id, Pdf, "image/png");
        var ok = await UploadAsync(client, id, Pdf);

        await notPdf.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await tooBig.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await wrongType.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var form = (await ok.ReadJsonAsync()).GetProperty("taxForm");
        Assert.Equal("W-8BEN-E", form.GetProperty("kind").GetString());
        Assert.Equal(Pdf.Length, form.GetProperty("sizeBytes").GetInt64());
        var download = await client.GetAsync($"/api/v1/seller-entities/{id}/tax-form", _ct);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(_ct));
    }

    [Fact]
    public async Task The_operator_verifies_an_entity_with_a_tax_form_for_two_years_and_an_event_is_written()
    {
        var seller = app.ClientFor(app.SellerA);
        var operatorClient = app.ClientFor(app.Operator);
        var id = (await CreateAsync(seller, "Alpha Verified GmbH", "DE", "DE136695976")).GetProperty("id").GetGuid();

        var withoutForm = await operatorClient.PostAsJsonAsync($"/api/v1/seller-entities/{id}/kyc/verify", new { }, _ct);
        await withoutForm.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "tax-form-missing");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(seller, id, Pdf)).StatusCode);
        var verified = await operatorClient.PostAsJsonAsync($"/api/v1/seller-entities/{id}/kyc/verify", new { }, _ct);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var body = await verified.ReadJsonAsync();
        Assert.Equal("verified", body.GetProperty("kycStatus").GetString());
        var expires = body.GetProperty("kycExpiresAt").GetDateTimeOffset();
        var reviewed = body.GetProperty("kycReviewedAt").GetDateTimeOffset();
        Assert.Equal(730, (expires - reviewed).TotalDays, 3);
        var again = await operatorClient.PostAsJsonAsync($"/api/v1/seller-entities/{id}/kyc/verify", new { }, _ct);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "kyc-transition-not-allowed");
        var outbox = await app.ReadAsync("platform_outbox_messages");
        Assert.Contains(outbox, m => m["type"].Contains("SellerEntityVerified", StringComparison.Ordinal) && m["payload"].Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
        var audit = await app.ReadAsync("platform_audit_trail");
        Assert.Contains(audit, a => a["action"] == "seller-entity.kyc-verified" && a["subject"] == $"seller-entity:{id}");
    }

    [Fact]
    public async Task A_rejected_entity_carries_the_reason_and_returns_to_the_queue_with_a_new_tax_form()
    {
        var seller = app.ClientFor(app.SellerB);
        var operatorClient = app.ClientFor(app.Operator);
        var id = (await CreateAsync(seller, "Beta Cloud Ltd", "GB", "GB 100 1950 75")).GetProperty("id").GetGuid();

        var noReason = await operatorClient.PostAsJsonAsync($"/api/v1/seller-entities/{id}/kyc/reject", new { reason = "" }, _ct);
        var rejected = await operatorClient.PostAsJsonAsync($"/api/v1/seller-entities/{id}/kyc/reject", new { reason = "The W-8BEN-E is not signed." }, _ct);

        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var body = await rejected.ReadJsonAsync();
        Assert.Equal("rejected", body.GetProperty("kycStatus").GetString());
        Assert.Equal("The W-8BEN-E is not signed.", body.GetProperty("kycReason").GetString());
        var outbox = await app.ReadAsync("platform_outbox_messages");
        Assert.Contains(outbox, m => m["type"].Contains("SellerEntityRejected", StringComparison.Ordinal) && m["payload"].Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
        var resubmitted = await (await UploadAsync(seller, id, Pdf)).ReadJsonAsync();
        Assert.Equal("pending", resubmitted.GetProperty("kycStatus").GetString());
        var queue = await (await operatorClient.GetAsync("/api/v1/seller-entities?kycStatus=pending&pageSize=200", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Contains(id.ToString(), queue, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_seller_gets_404_and_a_buyer_403_on_every_endpoint()
    {
        var id = (await CreateAsync(app.ClientFor(app.SellerA), "Alpha Private GmbH", "DE", "DE136695976")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(app.ClientFor(app.SellerA), id, Pdf)).StatusCode);
        var beta = app.ClientFor(app.SellerB);
        var buyer = app.ClientFor(app.Buyer);

        await (await beta.GetAsync($"/api/v1/seller-entities/{id}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "seller-entity-not-found");
        await (await beta.GetAsync($"/api/v1/seller-entities/{id}/tax-form", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(beta, id, Pdf)).AssertProblemAsync(HttpStatusCode.NotFound, "seller-entity-not-found");
        Assert.DoesNotContain(id.ToString(), await (await beta.GetAsync("/api/v1/seller-entities", _ct)).Content.ReadAsStringAsync(_ct), StringComparison.OrdinalIgnoreCase);
        await (await beta.PostAsJsonAsync($"/api/v1/seller-entities/{id}/kyc/verify", new { }, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await beta.PostAsJsonAsync($"/api/v1/seller-entities/{id}/kyc/reject", new { reason = "no" }, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        await (await buyer.GetAsync("/api/v1/seller-entities", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.GetAsync($"/api/v1/seller-entities/{id}", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.GetAsync($"/api/v1/seller-entities/{id}/tax-form", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PostAsJsonAsync("/api/v1/seller-entities", NewEntity("Gamma KK", "JP", "5835678256246"), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(buyer, id, Pdf)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var operatorClient = app.ClientFor(app.Operator);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/v1/seller-entities/{id}", _ct)).StatusCode);
        Assert.Equal(Pdf, await (await operatorClient.GetAsync($"/api/v1/seller-entities/{id}/tax-form", _ct)).Content.ReadAsByteArrayAsync(_ct));
        await (await operatorClient.PostAsJsonAsync("/api/v1/seller-entities", NewEntity("Operator Co", "US", "12-3456789"), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

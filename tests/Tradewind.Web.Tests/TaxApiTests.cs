using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class TaxApiTests(EntitiesApp app) : IClassFixture<EntitiesApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("DE", "DE136695976", "DE136695976", "eu_vat")]
    [InlineData("DE", "de 136.695.976", "DE136695976", "eu_vat")]
    [InlineData("GR", "el094249481", "EL094249481", "eu_vat")]
    [InlineData("AU", "51 824 753 556", "51824753556", "au_abn")]
    [InlineData("JP", "T5835678256246", "T5835678256246", "jp_qualified_invoice_issuer")]
    [InlineData("IN", "27aapfu0939f1zv", "27AAPFU0939F1ZV", "in_gstin")]
    [InlineData("CH", "CHE-432.825.998 MWST", "CHE432825998", "ch_uid")]
    public async Task A_valid_tax_id_is_normalized_and_typed(string country, string value, string normalized, string type)
    {
        var response = await app.ClientFor(app.Buyer).PostAsJsonAsync("/api/v1/tax-ids/validate", new { country, value }, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal(normalized, body.GetProperty("normalized").GetString());
        Assert.Equal(type, body.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reason").ValueKind);
    }

    [Theory]
    [InlineData("DE", "DE136695977", "check digit")]
    [InlineData("FR", "EU826001142", "non-Union OSS")]
    [InlineData("XX", "123", "not an ISO 3166-1")]
    [InlineData("RU", "7707083893", "not validated here")]
    public async Task An_invalid_tax_id_says_why(string country, string value, string reason)
    {
        var body = await (await app.ClientFor(app.SellerA).PostAsJsonAsync("/api/v1/tax-ids/validate", new { country, value }, _ct)).ReadJsonAsync();

        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Contains(reason, body.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_needs_a_signed_in_caller()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/tax-ids/validate", new { country = "DE", value = "DE136695976" }, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_issue_example_routes_to_the_EU_entity_and_reverse_charges()
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/tax/quotes", HttpAssertions.Json("""
            {"date":"2026-11-27","issuingEntity":null,"buyer":{"country":"DE","subdivision":null,"taxId":"DE136695976","isBusiness":true},"lines":[{"id":"1","amount":"100.00","currency":"EUR","taxCode":"saas"}]}
            """), _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("EU", body.GetProperty("issuingEntity").GetString());
        Assert.Equal("EUR", body.GetProperty("currency").GetString());
        Assert.Equal("0.00", body.GetProperty("totalTax").GetString());
        var line = body.GetProperty("lines")[0];
        Assert.Equal("1", line.GetProperty("id").GetString());
        Assert.Equal("DE", line.GetProperty("jurisdiction").GetString());
        Assert.Equal("VAT", line.GetProperty("taxType").GetString());
        Assert.Equal("0", line.GetProperty("rate").GetString());
        Assert.Equal("100.00", line.GetProperty("taxableAmount").GetString());
        Assert.Equal("0.00", line.GetProperty("taxAmount").GetString());
        Assert.Equal("reverse_charge", line.GetProperty("treatment").GetString());
        Assert.Equal("eu.b2b.reverse_charge", line.GetProperty("rule").GetString());
        Assert.Contains("Reverse charge", line.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("DE136695976", line.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_German_consumer_pays_19_percent_and_the_stored_quote_reads_back_the_same()
    {
        var quote = await QuoteAsync("2026-11-27", "DE", null, null, false, ("1", "100.00", "saas"), ("2", "0.05", "saas"));

        Assert.Equal("19.01", quote.GetProperty("totalTax").GetString());
        Assert.Equal("0.19", quote.GetProperty("lines")[0].GetProperty("rate").GetString());
        Assert.Equal("eu.b2c.destination", quote.GetProperty("lines")[0].GetProperty("rule").GetString());

        var stored = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/tax/quotes/{quote.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        Assert.Equal(quote.GetProperty("lines").GetRawText(), stored.GetProperty("lines").GetRawText());
        Assert.Equal("DE", stored.GetProperty("buyer").GetProperty("country").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("committedAs").ValueKind);
    }

    public static TheoryData<string, string?> Jurisdictions => new()
    {
        { "AT", null }, { "BE", null }, { "BG", null }, { "HR", null }, { "CY", null }, { "CZ", null }, { "DK", null }, { "EE", null }, { "FI", null },
        { "FR", null }, { "DE", null }, { "GR", null }, { "HU", null }, { "IE", null }, { "IT", null }, { "LV", null }, { "LT", null }, { "LU", null },
        { "MT", null }, { "NL", null }, { "PL", null }, { "PT", null }, { "RO", null }, { "SK", null }, { "SI", null }, { "ES", null }, { "SE", null },
        { "GB", null }, { "NO", null }, { "CH", null }, { "LI", null }, { "IS", null }, { "JP", null }, { "KR", null }, { "AU", null }, { "NZ", null },
        { "SG", null }, { "IN", "IN-KA" }, { "TW", null }, { "MY", null }, { "ID", null }, { "CA", "CA-QC" }, { "CA", "CA-ON" }, { "US", "US-NY" },
        { "US", "US-TX" }, { "US", "US-CA" }, { "US", "US-WA" }, { "BR", null }, { "MX", null }, { "CL", null }, { "CO", null }, { "SA", null },
        { "AE", null }, { "ZA", null }, { "TR", null }, { "IL", null }, { "KZ", null }, { "MD", null }, { "LA", null },
    };

    [Theory]
    [MemberData(nameof(Jurisdictions))]
    public async Task Every_jurisdiction_in_tax_md_answers_with_a_named_rule(string country, string? subdivision)
    {
        foreach (var business in new[] { false, true })
        {
            var quote = await QuoteAsync("2026-11-27", country, subdivision, business ? "not-a-number" : null, business, ("1", "100.00", "saas"), ("2", "40.00", "professional_services"));

            foreach (var line in quote.GetProperty("lines").EnumerateArray())
            {
                Assert.Matches("^[a-z_]+(\\.[a-z0-9_]+)+$", line.GetProperty("rule").GetString()!);
                Assert.Contains(line.GetProperty("treatment").GetString(), new[] { "standard", "reduced", "zero_rated", "exempt", "reverse_charge", "not_collected" });
                Assert.False(line.GetProperty("taxAmount").GetString()!.StartsWith('-'));
            }
        }
    }

    [Fact]
    public async Task The_liability_report_equals_the_committed_quotes_and_leaves_out_the_rest()
    {
        var day = "2026-11-02";
        var de = await QuoteAsync(day, "DE", null, null, false, ("1", "100.00", "saas"), ("2", "250.00", "saas"));
        var fr = await QuoteAsync(day, "FR", null, null, false, ("1", "80.00", "saas"));
        var deB2b = await QuoteAsync(day, "DE", null, "DE136695976", true, ("1", "1000.00", "saas"));
        var uncommitted = await QuoteAsync(day, "DE", null, null, false, ("1", "999.00", "saas"));
        _ = uncommitted;

        await CommitAsync(de, "EU-100");
        await CommitAsync(fr, "EU-101");
        await CommitAsync(deB2b, "EU-102");

        var report = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/tax/liability?entity=EU&from={day}&to=2026-11-03", _ct)).ReadJsonAsync();
        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("jurisdiction").GetString()!);

        Assert.Equal(2, rows.Count);
        Assert.Equal(("350.00", "66.50", "1000.00", 3), Row(rows["DE"]));
        Assert.Equal(("80.00", "16.00", "0.00", 1), Row(rows["FR"]));
        Assert.Equal("EUR", rows["DE"].GetProperty("currency").GetString());

        var csvResponse = await app.ClientFor(app.Operator).GetAsync($"/api/v1/tax/liability?entity=EU&from={day}&to=2026-11-03&format=csv", _ct);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = (await csvResponse.Content.ReadAsStringAsync(_ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("issuing_entity,jurisdiction,tax_type,currency,taxable_amount,tax_collected,reverse_charged_amount,transactions,period_from,period_to", csv[0]);
        Assert.Contains("EU,DE,VAT,EUR,350.00,66.50,1000.00,3,2026-11-02,2026-11-03", csv);
        Assert.Contains("EU,FR,VAT,EUR,80.00,16.00,0.00,1,2026-11-02,2026-11-03", csv);
        Assert.Equal(3, csv.Length);
    }

    [Fact]
    public async Task A_quote_commits_once_and_reverses_once()
    {
        var quote = await QuoteAsync("2026-11-03", "AT", null, null, false, ("1", "10.00", "saas"));
        var id = quote.GetProperty("id").GetString();

        var first = await CommitAsync(quote, "EU-200");
        var again = await CommitAsync(quote, "EU-200");
        Assert.Equal(first.GetProperty("committedAt").GetString(), again.GetProperty("committedAt").GetString());
        await (await app.ClientFor(app.Operator).PostAsJsonAsync($"/api/v1/tax/quotes/{id}/commit", new { documentNumber = "EU-201" }, _ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "tax-quote-already-committed");

        var reversal = await (await app.ClientFor(app.Operator).PostAsJsonAsync($"/api/v1/tax/quotes/{id}/reverse", new { documentNumber = "EU-CN-1" }, _ct)).ReadJsonAsync();
        Assert.Equal(("credit_note", 1), (reversal.GetProperty("kind").GetString(), reversal.GetProperty("transactions").GetInt32()));
        await (await app.ClientFor(app.Operator).PostAsJsonAsync($"/api/v1/tax/quotes/{id}/reverse", new { documentNumber = "EU-CN-2" }, _ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "tax-quote-already-reversed");

        var stored = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/tax/quotes/{id}", _ct)).ReadJsonAsync();
        Assert.Equal(("EU-200", "EU-CN-1"), (stored.GetProperty("committedAs").GetString(), stored.GetProperty("reversedBy").GetString()));
    }

    [Fact]
    public async Task A_negative_line_is_taxed_with_its_sign_and_nets_in_the_liability_report()
    {
        var day = "2026-11-05";
        var quote = await QuoteAsync(day, "DE", null, null, false, ("1", "100.00", "saas"), ("2", "-20.01", "saas"));

        var lines = quote.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(("-20.01", "-3.80"), (lines[1].GetProperty("taxableAmount").GetString(), lines[1].GetProperty("taxAmount").GetString()));
        Assert.Equal("15.20", quote.GetProperty("totalTax").GetString());
        await CommitAsync(quote, "EU-300");

        var report = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/tax/liability?entity=EU&from={day}&to=2026-11-06", _ct)).ReadJsonAsync();
        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal(("79.99", "15.20", "0.00", 2), Row(row));
    }

    [Fact]
    public async Task Partial_reversals_take_back_each_lines_tax_once_per_credit_note_and_never_more_than_was_committed()
    {
        var day = new DateOnly(2026, 11, 6);
        var quote = await QuoteAsync("2026-11-06", "FR", null, null, false, ("1", "100.00", "saas"), ("2", "50.00", "saas"));
        await CommitAsync(quote, "EU-400");
        var id = Tradewind.Primitives.Ids.TaxQuoteId.Parse(quote.GetProperty("id").GetString()!);
        var eur = Tradewind.Primitives.Money.Currency.EUR;
        Tradewind.Contracts.Tax.TaxLineReversal Line(string line, string net, string tax) =>
            new(line, Tradewind.Primitives.Money.Money.Parse(net, eur), Tradewind.Primitives.Money.Money.Parse(tax, eur));
        Task<Tradewind.Contracts.Tax.TaxCommitDto> ReverseAsync(string number, params Tradewind.Contracts.Tax.TaxLineReversal[] lines) =>
            app.WithScopeAsync(sp => sp.GetRequiredService<Tradewind.Contracts.Tax.ITaxQuotes>().ReverseLinesAsync(id, number, lines, "test", _ct));

        var first = await ReverseAsync("EU-CN-400", Line("1", "25.00", "5.00"));
        var again = await ReverseAsync("EU-CN-400", Line("1", "25.00", "5.00"));
        var tooMuch = await Assert.ThrowsAsync<Tradewind.Contracts.DomainException>(() => ReverseAsync("EU-CN-401", Line("1", "75.01", "15.00")));
        var taxTooHigh = await Assert.ThrowsAsync<Tradewind.Contracts.DomainException>(() => ReverseAsync("EU-CN-401", Line("2", "10.00", "10.01")));

        Assert.Equal((1, first.CommittedAt), (again.Transactions, again.CommittedAt));
        Assert.Equal("tax-reversal-exceeds-committed", tooMuch.Code);
        Assert.Equal("tax-reversal-exceeds-committed", taxTooHigh.Code);
        Assert.Equal(("125.00", "25.00", "0.00", 3), Row(await FrAsync()));

        await ReverseAsync("EU-CN-402", Line("1", "75.00", "15.00"), Line("2", "50.00", "10.00"));
        Assert.Equal(("0.00", "0.00", "0.00", 5), Row(await FrAsync()));
        var full = await app.ClientFor(app.Operator).PostAsJsonAsync($"/api/v1/tax/quotes/{id}/reverse", new { documentNumber = "EU-CN-403" }, _ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(("0.00", "0.00", "0.00", 7), Row(await FrAsync()));

        async Task<JsonElement> FrAsync()
        {
            var report = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/tax/liability?entity=EU&from={day:yyyy-MM-dd}&to={day.AddDays(400):yyyy-MM-dd}", _ct)).ReadJsonAsync();
            return Assert.Single(report.GetProperty("rows").EnumerateArray(), r => r.GetProperty("jurisdiction").GetString() == "FR");
        }
    }

    [Theory]
    [InlineData("""{"date":"2026-11-27","buyer":{"country":"XX"},"lines":[{"id":"1","amount":"1.00","currency":"EUR","taxCode":"saas"}]}""", "buyer.country")]
    [InlineData("""{"date":"2026-11-27","buyer":{"country":"DE"},"lines":[{"id":"1","amount":"1.00","currency":"EUR","taxCode":"saas"},{"id":"2","amount":"1.00","currency":"USD","taxCode":"saas"}]}""", "lines[1].currency")]
    [InlineData("""{"date":"2026-11-27","buyer":{"country":"DE"},"lines":[{"id":"1","amount":"1.001","currency":"EUR","taxCode":"saas"}]}""", "lines[0].amount")]
    [InlineData("""{"date":"2026-11-27","buyer":{"country":"DE"},"lines":[{"id":"1","amount":"-1.00","currency":"EUR","taxCode":"saas"}]}""", "lines")]
    [InlineData("""{"date":"2026-11-27","buyer":{"country":"DE"},"lines":[{"id":"1","amount":"1.00","currency":"EUR","taxCode":"saas"},{"id":"2","amount":"-1.01","currency":"EUR","taxCode":"saas"}]}""", "lines")]
    [InlineData("""{"date":"2026-11-27","buyer":{"country":"DE"},"lines":[{"id":"1","amount":"1.00","currency":"EUR","taxCode":"hardware"}]}""", "lines[0].taxCode")]
    [InlineData("""{"date":"2019-01-01","buyer":{"country":"DE"},"lines":[{"id":"1","amount":"1.00","currency":"EUR","taxCode":"saas"}]}""", "date")]
    [InlineData("""{"date":"2026-11-27","buyer":{"country":"US"},"lines":[{"id":"1","amount":"1.00","currency":"USD","taxCode":"saas"}]}""", "buyer.subdivision")]
    [InlineData("""{"date":"2026-11-27","buyer":{"country":"DE"},"lines":[]}""", "lines")]
    [InlineData("""{"date":"2026-11-27","issuingEntity":"ZZ","buyer":{"country":"DE"},"lines":[{"id":"1","amount":"1.00","currency":"EUR","taxCode":"saas"}]}""", "issuingEntity")]
    public async Task Bad_input_is_a_problem_naming_the_field(string json, string field)
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/tax/quotes", HttpAssertions.Json(json), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("POST", "/api/v1/tax/quotes")]
    [InlineData("GET", "/api/v1/tax/quotes/0190a0b0-0000-7000-8000-000000000000")]
    [InlineData("GET", "/api/v1/tax/liability?from=2026-11-01&to=2026-12-01")]
    public async Task Only_the_operator_may_quote_or_read_the_liability(string method, string path)
    {
        foreach (var tenant in new[] { app.SellerA, app.Buyer })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET")
            {
                request.Content = HttpAssertions.Json("{}");
            }

            await (await app.ClientFor(tenant).SendAsync(request, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    private static (string, string, string, int) Row(JsonElement row) => (
        row.GetProperty("taxableAmount").GetString()!,
        row.GetProperty("taxCollected").GetString()!,
        row.GetProperty("reverseChargedAmount").GetString()!,
        row.GetProperty("transactions").GetInt32());

    private async Task<JsonElement> QuoteAsync(string date, string country, string? subdivision, string? taxId, bool business, params (string Id, string Amount, string TaxCode)[] lines)
    {
        var response = await app.ClientFor(app.Operator).PostAsJsonAsync(
            "/api/v1/tax/quotes",
            new
            {
                date,
                issuingEntity = (string?)null,
                buyer = new { country, subdivision, taxId, isBusiness = business },
                lines = lines.Select(l => new { id = l.Id, amount = l.Amount, currency = "EUR", taxCode = l.TaxCode }),
            },
            _ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> CommitAsync(JsonElement quote, string number)
    {
        var response = await app.ClientFor(app.Operator).PostAsJsonAsync($"/api/v1/tax/quotes/{quote.GetProperty("id").GetString()}/commit", new { documentNumber = number }, _ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return await response.ReadJsonAsync();
    }
}

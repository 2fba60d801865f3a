using System.Net;
using System.Net.Http.Json;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class OperatorEntitiesApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Entity(string code, string? taxNumber = null, string? holder = null, string? iban = null) => new
    {
        code,
        legalName = "Tradewind Marketplace Europe S.à r.l.",
        countryCode = "LU",
        address = new { line1 = "38 Avenue John F. Kennedy", city = "Luxembourg", postalCode = "L-1855", countryCode = "LU" },
        currencyCode = "EUR",
        acceptedCurrencies = new[] { "EUR", "GBP" },
        taxRegistrations = new object[]
        {
            new { countryCode = "LU", number = taxNumber ?? "LU10000356" },
            new { countryCode = "GB", number = "GB 100 1950 75" },
        },
        invoiceSeries = new { prefix = "eu-", nextNumber = 1000 },
        collectionAccounts = new object[]
        {
            new { countryCode = "LU", currencyCode = "EUR", holderName = holder ?? "TRADEWIND MARKETPLACE EUROPE SARL", iban = iban ?? "LU28 0019 4006 4475 0000" },
        },
        servesRegion = "EMEA",
    };

    [Fact]
    public async Task The_operator_creates_an_entity_and_reads_it_back_with_its_collection_account_masked()
    {
        var client = app.ClientFor(app.Operator);

        var created = await client.PostAsJsonAsync("/api/v1/operator-entities", Entity("EUA"), _ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync(_ct);
        Assert.DoesNotContain("4475", text.Replace("\"last4\":\"0000\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var body = await created.ReadJsonAsync();
        Assert.Equal("EUA", body.GetProperty("code").GetString());
        Assert.Equal("EU-", body.GetProperty("invoiceSeries").GetProperty("prefix").GetString());
        Assert.Equal(1000, body.GetProperty("invoiceSeries").GetProperty("nextNumber").GetInt64());
        Assert.Equal("0000", body.GetProperty("collectionAccounts")[0].GetProperty("last4").GetString());
        Assert.Equal("GB100195075", body.GetProperty("taxRegistrations")[0].GetProperty("number").GetString());
        var read = await (await client.GetAsync("/api/v1/operator-entities/eua", _ct)).ReadJsonAsync();
        Assert.Equal("Tradewind Marketplace Europe S.à r.l.", read.GetProperty("legalName").GetString());
        var list = await (await client.GetAsync("/api/v1/operator-entities", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Contains("\"code\":\"EUA\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tax_registration_with_a_wrong_check_digit_is_refused_with_the_reason_and_nothing_is_saved()
    {
        var client = app.ClientFor(app.Operator);

        var response = await client.PostAsJsonAsync("/api/v1/operator-entities", Entity("EUB", taxNumber: "LU10000357"), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("check digit", problem.GetProperty("errors").GetProperty("taxRegistrations[0].number")[0].GetString(), StringComparison.Ordinal);
        await (await client.GetAsync("/api/v1/operator-entities/EUB", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "operator-entity-not-found");
    }

    [Fact]
    public async Task A_collection_account_held_by_someone_else_or_with_a_bad_IBAN_is_refused_and_nothing_is_saved()
    {
        var client = app.ClientFor(app.Operator);

        var wrongHolder = await client.PostAsJsonAsync("/api/v1/operator-entities", Entity("EUC", holder: "Somebody Else Ltd"), _ct);
        var badIban = await client.PostAsJsonAsync("/api/v1/operator-entities", Entity("EUD", iban: "LU28 0019 4006 4475 0001"), _ct);

        var holderProblem = await wrongHolder.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("is not the legal name", holderProblem.GetProperty("errors").GetProperty("collectionAccounts[0].holderName")[0].GetString(), StringComparison.Ordinal);
        var ibanProblem = await badIban.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(ibanProblem.GetProperty("errors").TryGetProperty("collectionAccounts[0].iban", out _));
        var list = await (await client.GetAsync("/api/v1/operator-entities", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.DoesNotContain("EUC", list, StringComparison.Ordinal);
        Assert.DoesNotContain("EUD", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_is_unique_and_never_changes()
    {
        var client = app.ClientFor(app.Operator);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/operator-entities", Entity("EUE"), _ct)).StatusCode);

        var again = await client.PostAsJsonAsync("/api/v1/operator-entities", Entity("EUE"), _ct);
        var renamed = await client.PutAsJsonAsync("/api/v1/operator-entities/EUE", Entity("EUX"), _ct);

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "operator-entity-code-taken");
        await renamed.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task An_update_changes_the_entity_and_keeps_collection_accounts_when_none_are_sent()
    {
        var client = app.ClientFor(app.Operator);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/operator-entities", Entity("EUF"), _ct)).StatusCode);

        var response = await client.PutAsJsonAsync(
            "/api/v1/operator-entities/EUF",
            new
            {
                legalName = "Tradewind Marketplace Europe S.à r.l.",
                countryCode = "LU",
                address = new { line1 = "1 Rue de la Gare", city = "Luxembourg", countryCode = "LU" },
                currencyCode = "EUR",
                invoiceSeries = new { prefix = "EU2-", nextNumber = 1 },
                servesRegion = "EMEA",
            },
            _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("1 Rue de la Gare", body.GetProperty("address").GetProperty("line1").GetString());
        Assert.Equal(0, body.GetProperty("taxRegistrations").GetArrayLength());
        Assert.Equal(1, body.GetProperty("collectionAccounts").GetArrayLength());
    }

    [Fact]
    public async Task A_Peppol_participant_id_is_stored_canonical_and_one_outside_the_EAS_list_or_with_a_wrong_check_digit_is_refused()
    {
        var client = app.ClientFor(app.Operator);

        var created = await client.PostAsJsonAsync("/api/v1/operator-entities", With(Entity("USP"), " 0088:0614141 000012 "), _ct);
        var email = await client.PostAsJsonAsync("/api/v1/operator-entities", With(Entity("USQ"), "EM:billing@example.com"), _ct);
        var checkDigit = await client.PostAsJsonAsync("/api/v1/operator-entities", With(Entity("USR"), "0088:0614141000013"), _ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("0088:0614141000012", (await created.ReadJsonAsync()).GetProperty("peppolParticipantId").GetString());
        Assert.Equal("0088:0614141000012", (await (await client.GetAsync("/api/v1/operator-entities/USP", _ct)).ReadJsonAsync()).GetProperty("peppolParticipantId").GetString());
        var emailProblem = await email.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("not an electronic address scheme", emailProblem.GetProperty("errors").GetProperty("peppolParticipantId")[0].GetString(), StringComparison.Ordinal);
        var checkProblem = await checkDigit.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("check digit", checkProblem.GetProperty("errors").GetProperty("peppolParticipantId")[0].GetString(), StringComparison.Ordinal);
        await (await client.GetAsync("/api/v1/operator-entities/USR", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "operator-entity-not-found");
    }

    private static Dictionary<string, object?> With(object entity, string participantId)
    {
        var fields = entity.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(entity), StringComparer.Ordinal);
        fields["peppolParticipantId"] = participantId;
        return fields;
    }

    [Fact]
    public async Task The_stored_collection_account_holds_no_clear_account_number()
    {
        var client = app.ClientFor(app.Operator);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/operator-entities", Entity("EUG"), _ct)).StatusCode);

        var rows = await app.ReadAsync("accounts_operator_collection_accounts");

        Assert.NotEmpty(rows);
        Assert.All(rows.SelectMany(r => r.Values), cell => Assert.DoesNotContain("001940064475", cell, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(64, r["fingerprint"].Length));
    }

    [Theory]
    [InlineData("GET", "/api/v1/operator-entities")]
    [InlineData("GET", "/api/v1/operator-entities/US")]
    [InlineData("POST", "/api/v1/operator-entities")]
    [InlineData("PUT", "/api/v1/operator-entities/US")]
    [InlineData("GET", "/api/v1/routing-rules")]
    [InlineData("PUT", "/api/v1/routing-rules")]
    public async Task Only_the_operator_may_read_or_change_entities_and_rules(string method, string path)
    {
        foreach (var tenant in new[] { app.SellerA, app.Buyer })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET")
            {
                request.Content = JsonContent.Create(Entity("ZZZ"));
            }

            var response = await app.ClientFor(tenant).SendAsync(request, _ct);

            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}

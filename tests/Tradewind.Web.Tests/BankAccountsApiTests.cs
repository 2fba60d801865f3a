using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class BankAccountsApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private const string Iban = "DE89370400440532013000";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<Guid> AlphaEntityAsync(string legalName = "Alpha Software GmbH") =>
        (await SellerEntitiesApiTests.CreateAsync(app.ClientFor(app.SellerA), legalName, "DE", "DE136695976")).GetProperty("id").GetGuid();

    private static object Account(string country = "DE", string currency = "EUR", string holder = "ALPHA SOFTWARE GMBH", string? iban = Iban, string? account = null, string? routing = null) =>
        new { countryCode = country, currencyCode = currency, holderName = holder, iban, accountNumber = account, routingCode = routing };

    private async Task<JsonElement> AddAsync(Guid entityId, object account)
    {
        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", account, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>What the seller would read on the bank statement: the two deposits, decrypted as only the server can.</summary>
    private async Task<decimal[]> DepositsAsync(Guid accountId, int minorUnits = 2)
    {
        var row = (await app.ReadAsync("accounts_seller_bank_accounts")).Single(r => Guid.Parse(r["id"]) == accountId);
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Tradewind.Accounts.BankAccounts");
        return protector.Unprotect(row["protected_micro_deposits"]).Split(',')
            .Select(a => long.Parse(a, CultureInfo.InvariantCulture) / (decimal)Math.Pow(10, minorUnits)).ToArray();
    }

    private async Task<int> CountAccountsAsync() => (await app.ReadAsync("accounts_seller_bank_accounts")).Count;

    [Fact]
    public async Task A_seller_adds_an_IBAN_account_that_is_pending_and_shows_only_its_last_four()
    {
        var entityId = await AlphaEntityAsync();

        var added = await app.ClientFor(app.SellerA).PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", Account(), _ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var text = await added.Content.ReadAsStringAsync(_ct);
        Assert.DoesNotContain("053201", text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("pendingVerification", body.GetProperty("status").GetString());
        Assert.Equal("3000", body.GetProperty("last4").GetString());
        var list = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Contains("\"last4\":\"3000\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("053201", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_rows_never_contain_the_clear_account_number_or_the_deposits()
    {
        var entityId = await AlphaEntityAsync();
        var added = await AddAsync(entityId, Account(country: "US", currency: "USD", iban: null, account: "987654321012", routing: "021000021"));
        await AddAsync(entityId, Account());

        var rows = await app.ReadAsync("accounts_seller_bank_accounts");

        var cells = rows.SelectMany(r => r.Values).ToList();
        Assert.All(cells, c => Assert.DoesNotContain("987654321012", c, StringComparison.Ordinal));
        Assert.All(cells, c => Assert.DoesNotContain("0532013000", c, StringComparison.Ordinal));
        var row = rows.Single(r => Guid.Parse(r["id"]) == added.GetProperty("id").GetGuid());
        Assert.Equal("1012", row["last4"]);
        Assert.Equal(64, row["fingerprint"].Length);
        Assert.DoesNotContain(",", row["protected_micro_deposits"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DE", "EUR", "ALPHA SOFTWARE GMBH", "DE89370400440532013001", null, null, "bank-details-invalid", "check")] // wrong IBAN check digits
    [InlineData("KR", "USD", "ALPHA SOFTWARE GMBH", null, "12345678901", null, "bank-details-invalid", "cannot pay out to bank accounts in KR")] // no scheme
    [InlineData("US", "EUR", "ALPHA SOFTWARE GMBH", null, "123456789", "021000021", "bank-details-invalid", "receives USD")] // currency the country cannot receive
    [InlineData("US", "USD", "ALPHA SOFTWARE GMBH", null, "123456789", "021000022", "bank-details-invalid", "check digit")] // wrong ABA check digit
    [InlineData("DE", "EUR", "Omega Trading GmbH", Iban, null, null, "holder-name-mismatch", "is not the legal name")]
    [InlineData("CN", "USD", "ALPHA SOFTWARE GMBH", null, "6222020200001234567", null, "jurisdiction-not-eligible", "eligible jurisdiction")]
    [InlineData("CA", "CAD", "ALPHA SOFTWARE GMBH", null, "1234567", "000312345", "payout-currency-unsupported", "pays out in")]
    public async Task Bad_bank_details_are_refused_with_the_reason_and_nothing_is_saved(
        string country, string currency, string holder, string? iban, string? account, string? routing, string code, string reason)
    {
        var entityId = await AlphaEntityAsync();
        var before = await CountAccountsAsync();

        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync(
            $"/api/v1/seller-entities/{entityId}/bank-accounts", Account(country, currency, holder, iban, account, routing), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains(reason, problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountAccountsAsync());
    }

    [Fact]
    public async Task The_same_account_twice_is_refused()
    {
        var entityId = await AlphaEntityAsync();
        await AddAsync(entityId, Account());

        var again = await app.ClientFor(app.SellerA).PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", Account(iban: "de89 3704 0044 0532 0130 00"), _ct);

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "bank-account-duplicate");
    }

    [Fact]
    public async Task The_seller_confirms_the_two_deposits_and_maps_a_payout_currency_to_the_verified_account()
    {
        var client = app.ClientFor(app.SellerA);
        var entityId = await AlphaEntityAsync();
        var accountId = (await AddAsync(entityId, Account())).GetProperty("id").GetGuid();

        var early = await client.PutAsJsonAsync($"/api/v1/seller-entities/{entityId}/payout-currencies/EUR", new { bankAccountId = accountId }, _ct);
        await early.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "bank-account-not-verified");

        var deposits = await DepositsAsync(accountId);
        var verified = await client.PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts/{accountId}/verify", new { amounts = deposits.Reverse().ToArray() }, _ct);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("verified", (await verified.ReadJsonAsync()).GetProperty("status").GetString());

        var wrongCurrency = await client.PutAsJsonAsync($"/api/v1/seller-entities/{entityId}/payout-currencies/USD", new { bankAccountId = accountId }, _ct);
        var inr = await client.PutAsJsonAsync($"/api/v1/seller-entities/{entityId}/payout-currencies/INR", new { bankAccountId = accountId }, _ct);
        var eur = await client.PutAsJsonAsync($"/api/v1/seller-entities/{entityId}/payout-currencies/eur", new { bankAccountId = accountId }, _ct);

        await wrongCurrency.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "bank-account-currency-mismatch");
        await inr.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "payout-currency-unsupported");
        Assert.Equal(HttpStatusCode.OK, eur.StatusCode);
        var currencies = await (await client.GetAsync($"/api/v1/seller-entities/{entityId}/payout-currencies", _ct)).ReadJsonAsync();
        Assert.Equal("EUR", currencies[0].GetProperty("currencyCode").GetString());
        Assert.Equal("3000", currencies[0].GetProperty("last4").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/seller-entities/{entityId}/payout-currencies/EUR", _ct)).StatusCode);
    }

    [Fact]
    public async Task Three_wrong_confirmations_lock_the_account_and_only_the_operator_can_then_verify_it()
    {
        var client = app.ClientFor(app.SellerA);
        var entityId = await AlphaEntityAsync();
        var accountId = (await AddAsync(entityId, Account(country: "US", currency: "USD", iban: null, account: "123456789", routing: "021000021"))).GetProperty("id").GetGuid();
        var wrong = (await DepositsAsync(accountId)).Select(d => d + 1m).ToArray();
        var path = $"/api/v1/seller-entities/{entityId}/bank-accounts/{accountId}/verify";

        var first = await client.PostAsJsonAsync(path, new { amounts = wrong }, _ct);
        var second = await client.PostAsJsonAsync(path, new { amounts = wrong }, _ct);
        var third = await client.PostAsJsonAsync(path, new { amounts = wrong }, _ct);
        var fourth = await client.PostAsJsonAsync(path, new { amounts = await DepositsAsync(accountId) }, _ct);

        Assert.Contains("2 attempt(s) left", (await first.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "micro-deposits-mismatch")).GetProperty("title").GetString(), StringComparison.Ordinal);
        await second.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "micro-deposits-mismatch");
        Assert.Contains("locked", (await third.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "micro-deposits-mismatch")).GetProperty("title").GetString(), StringComparison.Ordinal);
        await fourth.AssertProblemAsync(HttpStatusCode.Conflict, "bank-account-locked");
        var listed = await (await client.GetAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", _ct)).ReadJsonAsync();
        Assert.Equal("locked", listed.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == accountId).GetProperty("status").GetString());

        var sellerTries = await client.PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts/{accountId}/manual-verification", new { note = "trust me" }, _ct);
        await sellerTries.AssertProblemAsync(HttpStatusCode.Forbidden);
        var manual = await app.ClientFor(app.Operator).PostAsJsonAsync(
            $"/api/v1/seller-entities/{entityId}/bank-accounts/{accountId}/manual-verification", new { note = "Bank letter dated 2026-11-20" }, _ct);
        Assert.Equal("verified", (await manual.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_seller_gets_404_and_a_buyer_403_on_every_bank_account_endpoint()
    {
        var entityId = await AlphaEntityAsync();
        var accountId = (await AddAsync(entityId, Account())).GetProperty("id").GetGuid();
        var beta = app.ClientFor(app.SellerB);
        var buyer = app.ClientFor(app.Buyer);
        var before = await CountAccountsAsync();

        await (await beta.GetAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "seller-entity-not-found");
        await (await beta.PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", Account(holder: "Beta Cloud Ltd"), _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts/{accountId}/verify", new { amounts = new[] { 0.01m, 0.02m } }, _ct))
            .AssertProblemAsync(HttpStatusCode.NotFound, "bank-account-not-found");
        await (await beta.GetAsync($"/api/v1/seller-entities/{entityId}/payout-currencies", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PutAsJsonAsync($"/api/v1/seller-entities/{entityId}/payout-currencies/EUR", new { bankAccountId = accountId }, _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await beta.DeleteAsync($"/api/v1/seller-entities/{entityId}/payout-currencies/EUR", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await buyer.GetAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", Account(), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts/{accountId}/verify", new { amounts = new[] { 0.01m, 0.02m } }, _ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts/{accountId}/manual-verification", new { note = "buyer note" }, _ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.GetAsync($"/api/v1/seller-entities/{entityId}/payout-currencies", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PutAsJsonAsync($"/api/v1/seller-entities/{entityId}/payout-currencies/EUR", new { bankAccountId = accountId }, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await CountAccountsAsync());
        var failed = (await app.ReadAsync("accounts_seller_bank_accounts")).Single(r => Guid.Parse(r["id"]) == accountId);
        Assert.Equal("0", failed["failed_attempts"]);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Operator).GetAsync($"/api/v1/seller-entities/{entityId}/bank-accounts", _ct)).StatusCode);
    }

    [Theory]
    [InlineData("DE", "EUR", "DE89 3704 0044 0532 0130 00", null, null, true, "iban:DE89370400440532013000")]
    [InlineData("DE", "EUR", "DE89 3704 0044 0532 0130 01", null, null, false, null)]
    [InlineData("GB", "GBP", null, "31926819", "60-16-13", true, "gb-sort-code:601613:31926819")]
    [InlineData("IN", "INR", null, "50100012345678", "HDFC0000001", true, "ifsc:HDFC0000001:50100012345678")]
    [InlineData("JP", "JPY", null, "1234567", "0001-001", true, "zengin:0001001:1234567")]
    [InlineData("AU", "AUD", null, "12345678", "062-000", true, "bsb:062000:12345678")]
    [InlineData("MX", "MXN", null, "032180000118359719", null, true, "clabe:032180000118359719")]
    public async Task Any_caller_can_check_bank_details_without_storing_them(string country, string currency, string? iban, string? account, string? routing, bool valid, string? normalized)
    {
        var before = await CountAccountsAsync();

        var response = await app.ClientFor(app.Buyer).PostAsJsonAsync(
            "/api/v1/bank-accounts/validate", new { country, currency, iban, accountNumber = account, routingCode = routing }, _ct);

        var body = await response.ReadJsonAsync();
        Assert.Equal(valid, body.GetProperty("valid").GetBoolean());
        if (valid)
        {
            Assert.Equal(normalized, body.GetProperty("normalized").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("reason").ValueKind);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(body.GetProperty("reason").GetString()));
        }

        Assert.Equal(before, await CountAccountsAsync());
    }

    [Fact]
    public async Task Validating_needs_a_known_country_and_currency()
    {
        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync("/api/v1/bank-accounts/validate", new { country = "XX", currency = "EUR", iban = Iban }, _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("country", out _));
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class OrganisationsApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_operator_onboards_a_seller_and_reads_it_back()
    {
        var client = app.ClientFor(app.Operator);

        var response = await client.PostAsJsonAsync("/api/v1/organisations", new { name = "Delta Data SAS", kind = "seller", countryCode = "FR" }, _ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal("Delta Data SAS", created.GetProperty("name").GetString());
        Assert.Equal("seller", created.GetProperty("kind").GetString());
        var fetched = await (await client.GetAsync(response.Headers.Location, _ct)).ReadJsonAsync();
        Assert.Equal(created.GetProperty("id").GetGuid(), fetched.GetProperty("id").GetGuid());
        Assert.Equal("FR", fetched.GetProperty("countryCode").GetString());
    }

    [Fact]
    public async Task Onboarding_writes_an_audit_line_and_an_outbox_event_with_the_organisation()
    {
        var client = app.ClientFor(app.Operator);

        var response = await client.PostAsJsonAsync("/api/v1/organisations", new { name = "Epsilon Pty Ltd", kind = "buyer", countryCode = "AU" }, _ct);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<TradewindDbContext>();
            var audit = await db.AuditEntries.SingleAsync(a => a.OrganisationId == id, _ct);
            Assert.Equal("organisation.created", audit.Action);
            Assert.StartsWith("api-key:", audit.Actor, StringComparison.Ordinal);
            var events = await db.OutboxMessages.Where(m => m.Payload.Contains(id.ToString())).ToListAsync(_ct);
            Assert.Single(events);
            Assert.StartsWith(typeof(OrganisationCreated).FullName!, events[0].Type, StringComparison.Ordinal);
            return 0;
        });
    }

    [Fact]
    public async Task Invalid_fields_are_all_named_in_one_problem_and_nothing_is_saved()
    {
        var before = await CountOrganisationsAsync();

        var response = await app.ClientFor(app.Operator).PostAsJsonAsync(
            "/api/v1/organisations", new { name = " ", kind = "buyer", countryCode = "ZZ", subdivisionCode = "US-XX" }, _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("countryCode", out _));
        Assert.Equal(before, await CountOrganisationsAsync());
    }

    [Fact]
    public async Task A_subdivision_must_belong_to_the_country()
    {
        var response = await app.ClientFor(app.Operator).PostAsJsonAsync(
            "/api/v1/organisations", new { name = "Zeta Inc.", kind = "buyer", countryCode = "US", subdivisionCode = "CA-ON" }, _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("subdivisionCode", out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_field()
    {
        var before = await CountOrganisationsAsync();

        var response = await app.ClientFor(app.Operator).PostAsync(
            "/api/v1/organisations", HttpAssertions.Json("""{"name": 12, "kind": "seller", "countryCode": "FR"}"""), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-json");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
        Assert.Equal(before, await CountOrganisationsAsync());
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_400_naming_the_field()
    {
        var response = await app.ClientFor(app.Operator).PostAsync(
            "/api/v1/organisations", HttpAssertions.Json("""{"name": "Eta", "kind": "alien", "countryCode": "FR"}"""), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-json");
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _), problem.ToString());
    }

    [Fact]
    public async Task Truncated_json_is_a_400_problem()
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/organisations", HttpAssertions.Json("""{"name": "The"""), _ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task A_second_operator_organisation_is_refused_as_a_conflict()
    {
        var response = await app.ClientFor(app.Operator).PostAsJsonAsync(
            "/api/v1/organisations", new { name = "Another Operator", kind = "operator", countryCode = "US" }, _ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "operator-exists");
    }

    [Fact]
    public async Task Listing_is_paginated_and_filterable_by_kind()
    {
        var client = app.ClientFor(app.Operator);

        var sellers = await (await client.GetAsync("/api/v1/organisations?kind=seller&pageSize=1&page=2", _ct)).ReadJsonAsync();

        Assert.Equal(2, sellers.GetProperty("page").GetInt32());
        Assert.Equal(1, sellers.GetProperty("pageSize").GetInt32());
        Assert.True(sellers.GetProperty("totalCount").GetInt32() >= 2);
        var item = Assert.Single(sellers.GetProperty("items").EnumerateArray());
        Assert.Equal("seller", item.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=201")]
    public async Task Out_of_range_pages_are_a_400_problem(string query)
    {
        var response = await app.ClientFor(app.Operator).GetAsync($"/api/v1/organisations?{query}", _ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401_and_changes_nothing()
    {
        var before = await CountOrganisationsAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/organisations", new { name = "Theta", kind = "seller", countryCode = "FR" }, _ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(before, await CountOrganisationsAsync());
    }

    [Fact]
    public async Task An_unknown_api_key_is_401()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "tw_aaaaaaaaaaaa_not-a-real-key");

        var response = await client.GetAsync("/api/v1/me", _ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seller_may_not_onboard_organisations_and_changes_nothing()
    {
        var before = await CountOrganisationsAsync();

        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync("/api/v1/organisations", new { name = "Iota", kind = "seller", countryCode = "FR" }, _ct);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await CountOrganisationsAsync());
    }

    [Fact]
    public async Task A_buyer_may_not_list_organisations()
    {
        var response = await app.ClientFor(app.Buyer).GetAsync("/api/v1/organisations", _ct);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private Task<int> CountOrganisationsAsync() =>
        app.WithScopeAsync(async s => (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(null, new PageRequest(1, 1), _ct)).TotalCount);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class AwsAccessKeysApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_key_has_the_aws_shape_and_its_secret_is_never_listed()
    {
        var client = app.ClientFor(app.SellerA);

        var created = await client.PostAsJsonAsync("/api/v1/aws-access-keys", new { name = "metering agent" }, _ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.ReadJsonAsync();
        var accessKeyId = key.GetProperty("accessKeyId").GetString()!;
        var secret = key.GetProperty("secretAccessKey").GetString()!;
        Assert.Matches("^TWAK[A-Z2-7]{16}$", accessKeyId);
        Assert.Matches("^[A-Za-z0-9+/]{40}$", secret);
        var listing = await (await client.GetAsync("/api/v1/aws-access-keys", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Contains(accessKeyId, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listing, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_decrypts_for_signature_checks()
    {
        var key = await CreateAsync(app.SellerA, "encrypted at rest");
        var accessKeyId = key.GetProperty("accessKeyId").GetString()!;
        var secret = key.GetProperty("secretAccessKey").GetString()!;

        var stored = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Persistence.TradewindDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(_ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT protected_secret FROM accounts_aws_access_keys WHERE access_key_id = '{accessKeyId}'";
            return (string)(await command.ExecuteScalarAsync(_ct))!;
        });
        var credential = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>().FindAwsSigningCredentialAsync(accessKeyId, _ct));

        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.Equal(secret, credential?.SecretAccessKey);
        Assert.Equal(app.SellerA.Organisation.Id, credential?.OrganisationId);
    }

    [Fact]
    public async Task Rotation_issues_a_new_key_and_keeps_the_old_one_signing_for_the_grace_period()
    {
        var old = await CreateAsync(app.SellerA, "rotating");
        var client = app.ClientFor(app.SellerA);

        var rotated = await client.PostAsync($"/api/v1/aws-access-keys/{old.GetProperty("id").GetGuid()}/rotate", null, _ct);

        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        var replacement = await rotated.ReadJsonAsync();
        Assert.Equal("rotating", replacement.GetProperty("name").GetString());
        Assert.NotEqual(old.GetProperty("accessKeyId").GetString(), replacement.GetProperty("accessKeyId").GetString());
        var oldListed = await FindListedAsync(client, old.GetProperty("id").GetGuid());
        Assert.Equal("rotating", oldListed.GetProperty("status").GetString());
        Assert.Equal(replacement.GetProperty("id").GetGuid(), oldListed.GetProperty("replacedById").GetGuid());
        var graceEnd = oldListed.GetProperty("expiresAt").GetDateTimeOffset() - oldListed.GetProperty("createdAt").GetDateTimeOffset();
        Assert.InRange(graceEnd, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
        Assert.NotNull(await FindCredentialAsync(old.GetProperty("accessKeyId").GetString()!));
        Assert.NotNull(await FindCredentialAsync(replacement.GetProperty("accessKeyId").GetString()!));
        var again = await client.PostAsync($"/api/v1/aws-access-keys/{old.GetProperty("id").GetGuid()}/rotate", null, _ct);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "aws-access-key-not-rotatable");
    }

    [Fact]
    public async Task A_revoked_key_stops_signing_at_once()
    {
        var key = await CreateAsync(app.SellerB, "short-lived");
        var accessKeyId = key.GetProperty("accessKeyId").GetString()!;
        Assert.NotNull(await FindCredentialAsync(accessKeyId)); // now cached on this node

        var revoked = await app.ClientFor(app.SellerB).DeleteAsync($"/api/v1/aws-access-keys/{key.GetProperty("id").GetGuid()}", _ct);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await revoked.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Null(await FindCredentialAsync(accessKeyId));
    }

    [Fact]
    public async Task Creating_rotating_and_revoking_are_in_the_audit_trail()
    {
        var key = await CreateAsync(app.SellerB, "audited");
        var client = app.ClientFor(app.SellerB);
        var id = key.GetProperty("id").GetGuid();
        await client.PostAsync($"/api/v1/aws-access-keys/{id}/rotate", null, _ct);
        await client.DeleteAsync($"/api/v1/aws-access-keys/{id}", _ct);

        var trail = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>()
            .ListAuditTrailAsync(app.SellerB.Organisation.Id, new PageRequest(1, 100), _ct));

        var actions = trail.Items.Where(a => a.Subject == $"aws-access-key:{id}").Select(a => a.Action).ToList();
        Assert.Contains("aws-access-key.created", actions);
        Assert.Contains("aws-access-key.rotated", actions);
        Assert.Contains("aws-access-key.revoked", actions);
    }

    [Fact]
    public async Task Another_sellers_key_cannot_be_seen_rotated_or_revoked()
    {
        var key = await CreateAsync(app.SellerA, "alpha only");
        var beta = app.ClientFor(app.SellerB);
        var id = key.GetProperty("id").GetGuid();

        var listing = await (await beta.GetAsync("/api/v1/aws-access-keys?pageSize=100", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.DoesNotContain(key.GetProperty("accessKeyId").GetString()!, listing, StringComparison.Ordinal);
        await (await beta.PostAsync($"/api/v1/aws-access-keys/{id}/rotate", null, _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "aws-access-key-not-found");
        await (await beta.DeleteAsync($"/api/v1/aws-access-keys/{id}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "aws-access-key-not-found");
        Assert.NotNull(await FindCredentialAsync(key.GetProperty("accessKeyId").GetString()!));
    }

    [Fact]
    public async Task The_operator_reads_every_sellers_keys_but_cannot_create_or_revoke()
    {
        var key = await CreateAsync(app.SellerA, "seen by the operator");
        var operatorClient = app.ClientFor(app.Operator);

        var all = await (await operatorClient.GetAsync("/api/v1/aws-access-keys?pageSize=100", _ct)).ReadJsonAsync();
        var alphaOnly = await (await operatorClient.GetAsync($"/api/v1/aws-access-keys?pageSize=100&sellerId={app.SellerB.Organisation.Id}", _ct)).ReadJsonAsync();

        Assert.Contains(all.GetProperty("items").EnumerateArray(), k => k.GetProperty("id").GetGuid() == key.GetProperty("id").GetGuid());
        Assert.DoesNotContain(alphaOnly.GetProperty("items").EnumerateArray(), k => k.GetProperty("sellerId").GetGuid() == app.SellerA.Organisation.Id.Value);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/v1/aws-access-keys", new { name = "x" }, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.DeleteAsync($"/api/v1/aws-access-keys/{key.GetProperty("id").GetGuid()}", _ct)).StatusCode);
    }

    [Fact]
    public async Task A_buyer_has_no_aws_access_keys()
    {
        var buyer = app.ClientFor(app.Buyer);

        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/api/v1/aws-access-keys", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsJsonAsync("/api/v1/aws-access-keys", new { name = "x" }, _ct)).StatusCode);
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync("/api/v1/aws-access-keys", new { name = "  " }, _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_key_bound_to_one_of_the_sellers_customers_carries_the_binding_through_rotation()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Bound Keys");
        var client = app.ClientFor(app.SellerA);

        var created = await app.AwsKeyAsync(app.SellerA, customer.CustomerIdentifier);
        var rotated = await (await client.PostAsync($"/api/v1/aws-access-keys/{created.Id}/rotate", null, _ct)).ReadJsonAsync();

        Assert.Equal(customer.CustomerIdentifier, created.CustomerIdentifier);
        Assert.Equal(customer.CustomerIdentifier, (await FindListedAsync(client, created.Id)).GetProperty("customerIdentifier").GetString());
        Assert.Equal(customer.CustomerIdentifier, rotated.GetProperty("customerIdentifier").GetString());
        Assert.Equal(customer.CustomerIdentifier, (await FindCredentialAsync(rotated.GetProperty("accessKeyId").GetString()!))?.BoundCustomerIdentifier);
        Assert.Equal(customer.CustomerIdentifier, (await FindCredentialAsync(created.AccessKeyId))?.BoundCustomerIdentifier);
    }

    [Fact]
    public async Task A_key_without_a_customer_is_seller_wide()
    {
        var created = await app.AwsKeyAsync(app.SellerA);

        Assert.Null(created.CustomerIdentifier);
        Assert.Null((await FindCredentialAsync(created.AccessKeyId))?.BoundCustomerIdentifier);
        Assert.Equal(JsonValueKind.Null, (await FindListedAsync(app.ClientFor(app.SellerA), created.Id)).GetProperty("customerIdentifier").ValueKind);
    }

    [Fact]
    public async Task A_key_cannot_be_bound_to_another_sellers_customer_or_a_made_up_one()
    {
        var othersCustomer = await app.SubscribedCustomerAsync(app.SellerB, app.Buyer, "Beta Bound Keys");

        foreach (var identifier in new[] { othersCustomer.CustomerIdentifier, "cust-made-up" })
        {
            var response = await app.ClientFor(app.SellerA).PostAsJsonAsync("/api/v1/aws-access-keys", new { name = "x", customerIdentifier = identifier }, _ct);

            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("customerIdentifier", out _));
        }
    }

    private async Task<JsonElement> CreateAsync(Tenant seller, string name)
    {
        var response = await app.ClientFor(seller).PostAsJsonAsync("/api/v1/aws-access-keys", new { name }, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> FindListedAsync(HttpClient client, Guid id)
    {
        var page = await (await client.GetAsync("/api/v1/aws-access-keys?pageSize=100", _ct)).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
    }

    private Task<AwsSigningCredential?> FindCredentialAsync(string accessKeyId) =>
        app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>().FindAwsSigningCredentialAsync(accessKeyId, _ct));
}

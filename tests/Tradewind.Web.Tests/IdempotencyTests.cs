using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;
using Tradewind.Persistence.Idempotency;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class IdempotencyTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retried_write_with_the_same_key_is_answered_from_the_first_and_done_once()
    {
        var client = app.ClientFor(app.Operator);
        var before = await CountAsync();

        var first = await PostAsync(client, "retry-1", new { name = "Kappa Systems", kind = "seller", countryCode = "SE" });
        var second = await PostAsync(client, "retry-1", new { name = "Kappa Systems", kind = "seller", countryCode = "SE" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(_ct), await second.Content.ReadAsStringAsync(_ct));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task Reusing_a_key_with_another_body_is_refused_and_changes_nothing()
    {
        var client = app.ClientFor(app.Operator);
        await PostAsync(client, "reuse-1", new { name = "Lambda AB", kind = "seller", countryCode = "SE" });
        var before = await CountAsync();

        var response = await PostAsync(client, "reuse-1", new { name = "Mu AB", kind = "seller", countryCode = "SE" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_calling_organisation()
    {
        var alpha = await PostAsync(app.ClientFor(app.SellerA), "shared-key", new { name = "nightly export" }, "/api/v1/api-keys");
        var beta = await PostAsync(app.ClientFor(app.SellerB), "shared-key", new { name = "nightly export" }, "/api/v1/api-keys");

        Assert.Equal(HttpStatusCode.Created, alpha.StatusCode);
        Assert.Equal(HttpStatusCode.Created, beta.StatusCode);
        Assert.False(beta.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((await alpha.ReadJsonAsync()).GetProperty("id").GetGuid(), (await beta.ReadJsonAsync()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_refused_request_is_replayed_as_refused()
    {
        var client = app.ClientFor(app.Operator);

        var first = await PostAsync(client, "bad-1", new { name = "", kind = "seller", countryCode = "SE" });
        var second = await PostAsync(client, "bad-1", new { name = "", kind = "seller", countryCode = "SE" });

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task An_overlong_key_is_a_400_problem()
    {
        var response = await PostAsync(app.ClientFor(app.Operator), new string('k', 256), new { name = "Nu", kind = "seller", countryCode = "SE" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-invalid");
    }

    [Fact]
    public async Task Keys_older_than_a_day_are_purged_and_younger_ones_kept()
    {
        var client = app.ClientFor(app.Operator);
        await PostAsync(client, "purge-old", new { name = "Xi GmbH", kind = "seller", countryCode = "AT" });
        await PostAsync(client, "purge-young", new { name = "Rho GmbH", kind = "seller", countryCode = "AT" });
        await app.WithScopeAsync(async s =>
        {
            // Age one record past the retention window.
            var db = s.GetRequiredService<TradewindDbContext>();
            var records = await db.IdempotencyRecords.OrderBy(r => r.CreatedAt).ToListAsync(_ct);
            var old = records[^2];
            var aged = old.CreatedAt - TimeSpan.FromHours(25);
            await db.IdempotencyRecords.Where(r => r.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, aged), _ct);
            return 0;
        });

        var purged = await app.Services.GetRequiredService<IdempotencyKeyPurger>().PurgeAsync(_ct);

        Assert.Equal(1, purged);
        var replay = await PostAsync(client, "purge-young", new { name = "Rho GmbH", kind = "seller", countryCode = "AT" });
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body, string path = "/api/v1/organisations")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, _ct);
    }

    private Task<int> CountAsync() =>
        app.WithScopeAsync(async s => (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(null, new PageRequest(1, 1), _ct)).TotalCount);
}

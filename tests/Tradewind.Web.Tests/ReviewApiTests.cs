using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

public sealed class ReviewApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_product_goes_from_draft_with_every_plan_kind_and_a_logo_through_review_to_the_storefront()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = (await seller.CreateProductAsync("Alpha Complete", _ct)).GetProperty("id").GetString()!;
        foreach (var plan in PlansOfEveryKind())
        {
            await seller.AddPlanAsync(id, plan, _ct);
        }

        var logo = await (await seller.UploadAsync(id, "logo", Png, _ct)).ReadJsonAsync();
        var submitted = await (await seller.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).ReadJsonAsync();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());

        var operatorClient = app.ClientFor(app.Operator);
        var queue = await (await operatorClient.GetAsync("/api/v1/review?page=1", _ct)).ReadJsonAsync();
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("productId").GetString() == id);
        var fields = item.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        Assert.Contains("title", fields);
        Assert.Contains("logo", fields);
        Assert.Contains("plans.Annual upfront", fields);
        var review = await (await operatorClient.GetAsync($"/api/v1/review/{id}", _ct)).ReadJsonAsync();
        var title = review.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "title");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, title.GetProperty("before").ValueKind);
        Assert.Equal("Alpha Complete", title.GetProperty("after").GetString());

        var approved = await (await operatorClient.PostAsync($"/api/v1/review/{id}/approve", null, _ct)).ReadJsonAsync();

        Assert.Equal("published", approved.GetProperty("status").GetString());
        Assert.Equal(1, approved.GetProperty("publishedRevision").GetInt32());
        var slug = approved.GetProperty("slug").GetString()!;
        var (page, listing) = await app.WithScopeAsync(async s =>
        {
            var catalog = s.GetRequiredService<ICatalogQueries>();
            return (await catalog.ListPublishedAsync("security", new PageRequest(1, 200), _ct), await catalog.FindPublishedBySlugAsync(slug, _ct));
        });
        var card = Assert.Single(page.Items, l => l.Slug == slug);
        Assert.Equal(PricingModels.All, card.Pricing.Models);
        Assert.Equal(logo.GetProperty("id").GetString(), card.LogoMediaId?.ToString());
        Assert.Equal(["Sub-second search", "Unlimited users"], card.Highlights);
        Assert.Equal(7, listing!.Plans.Count);
        Assert.Equal(["observability", "security"], listing.Categories.Select(c => c.Slug));
        var html = await app.CreateClient().GetStringAsync($"/products/{slug}", _ct);
        Assert.Contains("Alpha Complete", html, StringComparison.Ordinal);

        var events = await EventTypesAsync(id);
        Assert.Contains(nameof(ProductSubmitted), events);
        Assert.Contains(nameof(ProductPublished), events);
        var actions = await AuditActionsAsync(id);
        Assert.Contains("product.submitted", actions);
        Assert.Contains("product.approved", actions);
    }

    [Fact]
    public async Task Edits_to_a_published_product_wait_for_review_while_the_published_revision_stays_visible()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = await app.PublishedProductAsync(seller, "Alpha Revisions", _ct);
        var edit = Listing("Alpha Revisions Two");
        var edited = await (await seller.PutAsync($"/api/v1/products/{id}", Body(edit), _ct)).ReadJsonAsync();
        var slug = edited.GetProperty("slug").GetString()!;
        Assert.True(edited.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.Equal("Alpha Revisions", (await FindAsync(slug))!.Title);

        Assert.Equal(HttpStatusCode.OK, (await seller.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).StatusCode);
        var operatorClient = app.ClientFor(app.Operator);
        var review = await (await operatorClient.GetAsync($"/api/v1/review/{id}", _ct)).ReadJsonAsync();

        var change = Assert.Single(review.GetProperty("changes").EnumerateArray());
        Assert.Equal("title", change.GetProperty("field").GetString());
        Assert.Equal("Alpha Revisions", change.GetProperty("before").GetString());
        Assert.Equal("Alpha Revisions Two", change.GetProperty("after").GetString());
        Assert.Equal("Alpha Revisions", (await FindAsync(slug))!.Title);
        await (await seller.PutAsync($"/api/v1/products/{id}", Body(edit), _ct)).AssertProblemAsync(HttpStatusCode.Conflict, "product-under-review");

        await operatorClient.PostAsync($"/api/v1/review/{id}/approve", null, _ct);

        var listing = await FindAsync(slug);
        Assert.Equal("Alpha Revisions Two", listing!.Title);
        Assert.Equal(2, listing.Revision);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_seller_reads_it()
    {
        var id = await app.ClientFor(app.SellerA).SubmittedProductAsync("Alpha Rejected", _ct);
        var operatorClient = app.ClientFor(app.Operator);

        var problem = await (await operatorClient.PostAsync($"/api/v1/review/{id}/reject", HttpAssertions.Json("""{"reason": ""}"""), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("submitted", await StatusAsync(id));

        var rejected = await (await operatorClient.PostAsync($"/api/v1/review/{id}/reject", HttpAssertions.Json("""{"reason": "The fulfilment URL answers 404."}"""), _ct)).ReadJsonAsync();

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        var own = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync();
        Assert.Equal("The fulfilment URL answers 404.", own.GetProperty("rejectionReason").GetString());
        Assert.Contains(nameof(ProductRejected), await EventTypesAsync(id));
        await (await operatorClient.PostAsync($"/api/v1/review/{id}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_restricted_product_leaves_the_storefront_and_search_is_told_it_was_removed()
    {
        var id = await app.PublishedProductAsync(app.ClientFor(app.SellerA), "Alpha Restricted", _ct);
        var operatorClient = app.ClientFor(app.Operator);

        var restricted = await (await operatorClient.PostAsync($"/api/v1/review/{id}/restrict", HttpAssertions.Json("""{"reason": "Trademark complaint under review."}"""), _ct)).ReadJsonAsync();

        Assert.Equal("restricted", restricted.GetProperty("status").GetString());
        var slug = restricted.GetProperty("slug").GetString()!;
        Assert.Null(await FindAsync(slug));
        var documents = await app.WithScopeAsync(async s =>
            await s.GetRequiredService<ICatalogQueries>().StreamPublishedForSearchAsync(DateTimeOffset.MinValue, _ct).ToListAsync(_ct));
        Assert.True(Assert.Single(documents, d => d.Slug == slug).Removed);
        var full = await app.WithScopeAsync(async s => await s.GetRequiredService<ICatalogQueries>().StreamPublishedForSearchAsync(null, _ct).ToListAsync(_ct));
        Assert.DoesNotContain(full, d => d.Slug == slug);
        Assert.Contains(nameof(ProductRestricted), await EventTypesAsync(id));
    }

    [Fact]
    public async Task Search_documents_carry_the_published_content()
    {
        var id = await app.PublishedProductAsync(app.ClientFor(app.SellerA), "Alpha Searchable", _ct);

        var documents = await app.WithScopeAsync(async s => await s.GetRequiredService<ICatalogQueries>().StreamPublishedForSearchAsync(null, _ct).ToListAsync(_ct));

        var document = Assert.Single(documents, d => d.Id == ProductId.Parse(id));
        Assert.Equal(["observability", "security"], document.CategorySlugs);
        Assert.Equal(["logs", "search"], document.Keywords);
        Assert.Equal([PricingModels.Usage], document.PricingModels);
        Assert.Equal(app.SellerA.Organisation.Name, document.SellerName);
        Assert.False(document.Removed);
    }

    [Fact]
    public async Task Only_the_operator_may_review()
    {
        var id = await app.ClientFor(app.SellerA).SubmittedProductAsync("Alpha Unreviewed", _ct);
        var reason = """{"reason": "Because I say so."}""";

        foreach (var tenant in new[] { app.SellerA, app.SellerB, app.Buyer })
        {
            var client = app.ClientFor(tenant);
            await (await client.GetAsync("/api/v1/review", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/v1/review/{id}", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/v1/review/{id}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/v1/review/{id}/reject", HttpAssertions.Json(reason), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/v1/review/{id}/restrict", HttpAssertions.Json(reason), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal("submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Categories_are_managed_by_the_operator_only()
    {
        var body = """{"slug": "edge-computing", "name": "Edge Computing", "group": "Infrastructure"}""";
        await (await app.ClientFor(app.SellerA).PostAsync("/api/v1/categories", HttpAssertions.Json(body), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var created = await app.ClientFor(app.Operator).PostAsync("/api/v1/categories", HttpAssertions.Json(body), _ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var renamed = await (await app.ClientFor(app.Operator).PutAsync($"/api/v1/categories/{id}", HttpAssertions.Json("""{"name": "Edge", "group": "Infrastructure"}"""), _ct)).ReadJsonAsync();
        Assert.Equal("Edge", renamed.GetProperty("name").GetString());
        Assert.Equal("edge-computing", renamed.GetProperty("slug").GetString());
        await (await app.ClientFor(app.Buyer).PutAsync($"/api/v1/categories/{id}", HttpAssertions.Json("""{"name": "X", "group": "Y"}"""), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var problem = await (await app.ClientFor(app.Operator).PostAsync("/api/v1/categories", HttpAssertions.Json("""{"slug": "Bad Slug", "name": "X", "group": "Y"}"""), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("slug", out _));
    }

    private Task<ListingDto?> FindAsync(string slug) => app.WithScopeAsync(s => s.GetRequiredService<ICatalogQueries>().FindPublishedBySlugAsync(slug, _ct));

    private async Task<string?> StatusAsync(string id) =>
        (await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync()).GetProperty("status").GetString();

    private Task<List<string>> EventTypesAsync(string id) => app.WithScopeAsync(async s =>
        (await s.GetRequiredService<TradewindDbContext>().OutboxMessages.AsNoTracking().ToListAsync(_ct))
            .Where(m => m.Payload.Contains(id, StringComparison.Ordinal))
            .Select(m => m.Type.Split(',')[0].Split('.')[^1]).ToList());

    private Task<List<string>> AuditActionsAsync(string id) => app.WithScopeAsync(async s =>
        await s.GetRequiredService<TradewindDbContext>().AuditEntries.AsNoTracking().Where(a => a.Subject == $"product:{id}").Select(a => a.Action).ToListAsync(_ct));
}

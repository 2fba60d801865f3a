using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

public sealed class PlansApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_adds_plans_of_every_kind_and_lists_them()
    {
        var client = app.ClientFor(app.SellerA);
        var id = (await client.CreateProductAsync("Alpha Plans", _ct)).GetProperty("id").GetString()!;

        foreach (var plan in PlansOfEveryKind())
        {
            await client.AddPlanAsync(id, plan, _ct);
        }

        var plans = (await (await client.GetAsync($"/api/v1/products/{id}/plans", _ct)).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(PlansOfEveryKind().Count, plans.Count);
        Assert.All(plans, p => Assert.True(p.GetProperty("hasDraftChanges").GetBoolean()));
        var graduated = plans.Single(p => p.GetProperty("draftTerms").GetProperty("name").GetString() == "Graduated with free tier");
        Assert.Equal("graduated", graduated.GetProperty("draftTerms").GetProperty("dimensions")[0].GetProperty("price").GetProperty("model").GetString());
        Assert.Equal("0.01", graduated.GetProperty("draftTerms").GetProperty("dimensions")[0].GetProperty("price").GetProperty("tiers")[0].GetProperty("unitPrice").GetString());
    }

    public static TheoryData<string, string> BadPlans => new()
    {
        { "tier overlap", "dimensions[0].price.tiers[1].from" },
        { "tier gap", "dimensions[0].price.tiers[1].from" },
        { "first tier not at 0", "dimensions[0].price.tiers[0].from" },
        { "open end missing", "dimensions[0].price.tiers[1].upTo" },
        { "bad key", "dimensions[0].key" },
        { "negative unit price", "dimensions[0].price.unitPrice" },
        { "sub-cent contract price", "contract.price" },
        { "all free", "dimensions" },
        { "installments", "contract.installments" },
        { "term", "contract.termMonths" },
        { "trial too long", "freeTrial.days" },
        { "free tier on unknown dimension", "freeTier[0].dimension" },
        { "overage without prices", "dimensions[0].price" },
        { "euro", "currency" },
        { "no name", "name" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_bad_plan_is_refused_naming_the_field_and_nothing_is_saved(string @case, string field)
    {
        var client = app.ClientFor(app.SellerB);
        var id = (await client.CreateProductAsync($"Beta {@case}", _ct)).GetProperty("id").GetString()!;

        var problem = await (await client.PostAsync($"/api/v1/products/{id}/plans", Body(Bad(@case)), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty((await (await client.GetAsync($"/api/v1/products/{id}/plans", _ct)).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Editing_a_published_plan_makes_a_new_version_and_buyers_keep_the_one_they_accepted()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = await app.PublishedProductAsync(seller, "Alpha Versions", _ct);
        var plan = (await (await seller.GetAsync($"/api/v1/products/{id}/plans", _ct)).ReadJsonAsync())[0];
        var planId = plan.GetProperty("id").GetString()!;
        Assert.Equal(1, plan.GetProperty("publishedVersion").GetInt32());

        var edited = await (await seller.PutAsync($"/api/v1/products/{id}/plans/{planId}", Body(UsagePlan("Usage", PerUnit("0.02"))), _ct)).ReadJsonAsync();

        Assert.True(edited.GetProperty("hasDraftChanges").GetBoolean());
        Assert.Equal(1, edited.GetProperty("publishedVersion").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await seller.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Operator).PostAsync($"/api/v1/review/{id}/approve", null, _ct)).StatusCode);

        var (v1, v2) = await app.WithScopeAsync(async s =>
        {
            var catalog = s.GetRequiredService<ICatalogQueries>();
            return (await catalog.GetPlanVersionAsync(PlanId.Parse(planId), 1, _ct), await catalog.GetPlanVersionAsync(PlanId.Parse(planId), 2, _ct));
        });
        Assert.Equal("0.01", v1!.Terms.Dimensions![0].Price!.UnitPrice);
        Assert.Equal("0.02", v2!.Terms.Dimensions![0].Price!.UnitPrice);
        var version1 = await (await seller.GetAsync($"/api/v1/products/{id}/plans/{planId}/versions/1", _ct)).ReadJsonAsync();
        Assert.Equal("every unit: 0.01 USD per unit", version1.GetProperty("priceTables")[0].GetProperty("rows")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_contract_in_installments_lists_amounts_that_add_up_to_the_price()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = (await seller.CreateProductAsync("Alpha Contract", _ct)).GetProperty("id").GetString()!;
        var planId = (await seller.AddPlanAsync(id, ContractPlan("Annual", 12, "1000.00", 12, overage: false), _ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await seller.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Operator).PostAsync($"/api/v1/review/{id}/approve", null, _ct)).StatusCode);

        var version = await (await seller.GetAsync($"/api/v1/products/{id}/plans/{planId}/versions/1", _ct)).ReadJsonAsync();

        var installments = version.GetProperty("installments").EnumerateArray().Select(i => decimal.Parse(i.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, installments.Count);
        Assert.Equal(1000.00m, installments.Sum());
        Assert.Equal("USD", version.GetProperty("installments")[0].GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Another_seller_gets_404_and_a_buyer_403_on_every_plan_endpoint()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = await app.PublishedProductAsync(seller, "Alpha Guarded Plans", _ct);
        var planId = (await (await seller.GetAsync($"/api/v1/products/{id}/plans", _ct)).ReadJsonAsync())[0].GetProperty("id").GetString();
        var plan = UsagePlan("Stolen", PerUnit("0.5"));

        foreach (var (client, status) in new[] { (app.ClientFor(app.SellerB), HttpStatusCode.NotFound), (app.ClientFor(app.Buyer), HttpStatusCode.Forbidden) })
        {
            await (await client.GetAsync($"/api/v1/products/{id}/plans", _ct)).AssertProblemAsync(status);
            await (await client.PostAsync($"/api/v1/products/{id}/plans", Body(plan), _ct)).AssertProblemAsync(status);
            await (await client.PutAsync($"/api/v1/products/{id}/plans/{planId}", Body(plan), _ct)).AssertProblemAsync(status);
            await (await client.GetAsync($"/api/v1/products/{id}/plans/{planId}/versions/1", _ct)).AssertProblemAsync(status);
        }

        var plans = (await (await seller.GetAsync($"/api/v1/products/{id}/plans", _ct)).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Single(plans);
        Assert.False(plans[0].GetProperty("hasDraftChanges").GetBoolean());
    }

    private static JsonObject Bad(string @case) => @case switch
    {
        "tier overlap" => UsagePlan("P", Tiered("graduated", (0, 1000, "0.01"), (900, null, "0.008"))),
        "tier gap" => UsagePlan("P", Tiered("volume", (0, 1000, "0.01"), (1100, null, "0.008"))),
        "first tier not at 0" => UsagePlan("P", Tiered("graduated", (1, 1000, "0.01"), (1000, null, "0.008"))),
        "open end missing" => UsagePlan("P", Tiered("graduated", (0, 1000, "0.01"), (1000, 2000, "0.008"))),
        "bad key" => new JsonObject { ["name"] = "P", ["dimensions"] = new JsonArray(Dimension("Requests", PerUnit("0.01"))) },
        "negative unit price" => UsagePlan("P", PerUnit("-0.01")),
        "sub-cent contract price" => ContractPlan("P", 12, "100.001", 1, overage: false),
        "all free" => UsagePlan("P", PerUnit("0")),
        "installments" => ContractPlan("P", 12, "100.00", 13, overage: false),
        "term" => ContractPlan("P", 6, "100.00", 1, overage: false),
        "trial too long" => With(UsagePlan("P", PerUnit("0.01")), "freeTrial", new JsonObject { ["days"] = 91 }),
        "free tier on unknown dimension" => With(UsagePlan("P", PerUnit("0.01")), "freeTier", new JsonArray(new JsonObject { ["dimension"] = "seats", ["unitsPerMonth"] = 5 })),
        "overage without prices" => With(ContractPlan("P", 12, "100.00", 1, overage: false), "contract", Overage()),
        "euro" => With(UsagePlan("P", PerUnit("0.01")), "currency", JsonValue.Create("EUR")),
        "no name" => UsagePlan("", PerUnit("0.01")),
        _ => throw new ArgumentOutOfRangeException(nameof(@case)),
    };

    private static JsonObject Overage() => new()
    {
        ["termMonths"] = 12,
        ["price"] = "100.00",
        ["installments"] = 1,
        ["overage"] = true,
        ["entitlements"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["quantity"] = 10 }),
    };

    private static JsonObject With(JsonObject plan, string property, JsonNode? value)
    {
        plan[property] = value;
        return plan;
    }
}

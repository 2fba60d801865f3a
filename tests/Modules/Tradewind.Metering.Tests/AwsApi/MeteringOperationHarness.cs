using System.Text;
using System.Text.Json;
using Tradewind.Contracts;
using Tradewind.Contracts.AwsApi;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.AwsApi;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Tests.AwsApi;

/// <summary>
/// Runs a Metering operation the way the endpoint does (JSON in, JSON out) against an ingest that answers what the test
/// tells it and remembers what it was asked. The caller's product is <see cref="OwnProduct"/>; any other product code is
/// unknown to the catalogue.
/// </summary>
internal sealed class MeteringOperationHarness
{
    public static readonly OrganisationId Seller = OrganisationId.From(Guid.Parse("0192f000-0000-7000-8000-000000000001"));
    public static readonly ProductId OwnProduct = ProductId.From(Guid.Parse("0192f000-0000-7000-8000-0000000000a1"));
    public static readonly ProductId OtherSellersProduct = ProductId.From(Guid.Parse("0192f000-0000-7000-8000-0000000000b2"));

    public ScriptedUsageIngest Ingest { get; } = new();

    public SellerProducts Products { get; }

    public MeteringOperationHarness()
    {
        var owned = new OwnedProducts();
        owned.Add(Seller, OwnProduct);
        Products = new SellerProducts(new UnknownProductsCatalog(), owned);
    }

    public static AwsCaller Caller(string? boundCustomer = null) =>
        new(Seller, "Alpha Software GmbH", AwsAccessKeyId.From(Guid.Parse("0192f000-0000-7000-8000-0000000000c3")), "TWAKAAAAAAAAAAAAAAAA", "req-1", boundCustomer);

    public static async Task<JsonElement> InvokeAsync(IAwsOperation operation, AwsCaller caller, string body)
    {
        var response = await operation.InvokeAsync(caller, Encoding.UTF8.GetBytes(body), TestContext.Current.CancellationToken);
        return JsonDocument.Parse(response).RootElement.Clone();
    }

    public static async Task<AwsServiceException> FailsAsync(IAwsOperation operation, AwsCaller caller, string body) =>
        await Assert.ThrowsAsync<AwsServiceException>(() => operation.InvokeAsync(caller, Encoding.UTF8.GetBytes(body), TestContext.Current.CancellationToken));
}

/// <summary>An ingest that answers each record with the next scripted outcome (accepted by default) and records the submissions.</summary>
internal sealed class ScriptedUsageIngest : IUsageIngest
{
    public List<(UsageSubmission Submission, UsageSubmitOptions Options)> Calls { get; } = [];

    /// <summary>Per record index: the status and code to answer; missing indexes are accepted.</summary>
    public Dictionary<int, (UsageOutcomeStatus Status, string? Code)> Outcomes { get; } = [];

    /// <summary>When set, the whole batch is refused with this code.</summary>
    public string? BatchRejection { get; set; }

    public Task<UsageBatchResult> SubmitAsync(UsageSubmission submission, UsageSubmitOptions options, CancellationToken cancellationToken)
    {
        Calls.Add((submission, options));
        if (BatchRejection is { } code)
        {
            return Task.FromResult(new UsageBatchResult([], new UsageRecordOutcome(0, UsageOutcomeStatus.Rejected, null, code, $"refused: {code}")));
        }

        var outcomes = submission.Records.Select((_, i) =>
        {
            var (status, outcomeCode) = Outcomes.TryGetValue(i, out var scripted) ? scripted : (UsageOutcomeStatus.Accepted, null);
            var id = status == UsageOutcomeStatus.Rejected ? (UsageRecordId?)null : UsageRecordId.From(Guid.Parse($"0192f000-0000-7000-8000-{i + 1:D12}"));
            return new UsageRecordOutcome(i, status, id, outcomeCode, $"outcome {i}");
        }).ToList();
        return Task.FromResult(new UsageBatchResult(outcomes));
    }
}

/// <summary>A catalogue in which the caller owns no product: only <see cref="ICatalogQueries.FindProductAsync"/> is expected.</summary>
internal sealed class UnknownProductsCatalog : ICatalogQueries
{
    public Task<ProductDto?> FindProductAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken) => Task.FromResult<ProductDto?>(null);

    public Task<IReadOnlyList<CategoryDto>> ListCategoriesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Page<ListingSummaryDto>> ListPublishedAsync(string? categorySlug, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ListingDto?> FindPublishedBySlugAsync(string slug, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Page<ListingSummaryDto>> ListBySellerAsync(OrganisationId sellerId, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> CountPublishedAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<PlanDto>?> ListPlansAsync(ProductId productId, CatalogCaller caller, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PlanVersionDto?> GetPlanVersionAsync(PlanId planId, int version, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Page<ReviewItemDto>> ListReviewQueueAsync(PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ReviewItemDto?> GetReviewAsync(ProductId id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<MediaContent?> FindMediaAsync(MediaId id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ListingSearchDocument> StreamPublishedForSearchAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}

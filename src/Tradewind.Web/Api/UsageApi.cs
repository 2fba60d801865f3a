using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Usage metering (docs/metering.md). Sellers send batches of 1–1,000 records and get one outcome per record, in order:
/// <c>accepted</c> (stored, or an identical record was already stored: <c>replayed</c>), <c>duplicate</c> (a different
/// record holds the same customer × dimension × hour or idempotency key; the first stands) or <c>rejected</c> with a
/// code. A response means the accepted records are committed. Totals and records are scoped by role: the operator sees
/// all usage, a seller its products', a buyer its own agreements'.
/// </summary>
internal static class UsageApi
{
    /// <summary>The widest range a totals query may span.</summary>
    public const int MaxRangeDays = 400;

    /// <summary>The widest range hourly totals may span.</summary>
    public const int MaxHourlyRangeDays = 31;

    public static RouteGroupBuilder MapUsageApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/usage").WithTags("Usage").RequireAuthorization();
        group.MapPost("/", Submit).RequireAuthorization(Policies.Seller)
            .WithSummary("Report usage: 1–1,000 records, each by customerIdentifier or agreementId; one outcome per record, answered after the commit");
        group.MapGet("/", Totals)
            .WithSummary("Usage totals per agreement × dimension × period in [from, to) (default: the last 30 days by day); granularity hour (≤ 31 days), day, month or total (≤ 400 days)");
        group.MapGet("/records", Records)
            .WithSummary("Stored usage records, newest timestamp first; filter by from, to, productId, agreementId, customerIdentifier, dimension");
        group.MapGet("/submissions", Submissions).RequireAuthorization(Policies.Seller)
            .WithSummary("Your latest submissions with their counts and a sample of records and outcomes (limit 1–200, default 20)");
        return api;
    }

    public sealed record UsageBatchBody(IReadOnlyList<UsageRecordBody?>? Records);

    public sealed record UsageRecordBody(
        string? CustomerIdentifier, Guid? AgreementId, string? Dimension, long? Quantity, DateTimeOffset? Timestamp, string? IdempotencyKey, IReadOnlyList<UsageAllocationBody?>? Allocations);

    public sealed record UsageAllocationBody(long? Quantity, IReadOnlyList<UsageTagBody?>? Tags);

    public sealed record UsageTagBody(string? Key, string? Value);

    public sealed record UsageBatchResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<UsageResultResponse> Results);

    public sealed record UsageResultResponse(int Index, string Status, Guid? RecordId, string? Code, string? Message, bool Replayed);

    public sealed record UsageTotalsResponse(DateTimeOffset From, DateTimeOffset To, string Granularity, IReadOnlyList<UsageTotalResponse> Totals);

    public sealed record UsageTotalResponse(
        DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, Guid ProductId, Guid AgreementId, string CustomerIdentifier, string BuyerName, string Dimension, long Quantity, long Records);

    public sealed record UsageTagResponse(string Key, string Value);

    public sealed record UsageAllocationResponse(long Quantity, IReadOnlyList<UsageTagResponse> Tags);

    public sealed record UsageRecordResponse(
        Guid Id, Guid SellerId, Guid ProductId, Guid AgreementId, string CustomerIdentifier, string Dimension, long Quantity, DateTimeOffset Timestamp, DateTimeOffset Hour,
        DateTimeOffset ReceivedAt, string Source, string? IdempotencyKey, IReadOnlyList<UsageAllocationResponse> Allocations);

    public sealed record UsageSampleResponse(
        int Index, string? CustomerIdentifier, string Dimension, long Quantity, DateTimeOffset Timestamp, string Status, string? Code, string? Message, Guid? RecordId);

    public sealed record UsageSubmissionResponse(
        Guid Id, DateTimeOffset ReceivedAt, string Source, string Actor, int Accepted, int Duplicates, int Rejected, string? BatchRejectionCode, IReadOnlyList<UsageSampleResponse> Samples);

    private static async Task<Ok<UsageBatchResponse>> Submit(UsageBatchBody body, IUsageIngest ingest, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Records is not { Count: > 0 and <= IUsageIngest.MaxBatchSize } records)
        {
            throw new ValidationFailedException("records", $"Send 1 to {IUsageIngest.MaxBatchSize} records.");
        }

        var inputs = new UsageRecordInput[records.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = ToInput(records[i]);
        }

        var result = await ingest.SubmitAsync(new UsageSubmission(user.OrganisationId(), UsageSource.Rest, inputs, user.Actor()), UsageSubmitOptions.Default, cancellationToken);
        var results = new UsageResultResponse[result.Outcomes.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var o = result.Outcomes[i];
            results[i] = new UsageResultResponse(o.Index, WireStatus(o.Status), o.RecordId?.Value, o.Code, o.Message, o.Replayed);
        }

        return TypedResults.Ok(new UsageBatchResponse(result.Accepted, result.Duplicates, result.Rejected, results));
    }

    private static async Task<Ok<UsageTotalsResponse>> Totals(
        IUsageQueries queries, TimeProvider clock, ClaimsPrincipal user, DateTimeOffset? from, DateTimeOffset? to, string? granularity, Guid? productId, Guid? agreementId,
        string? customerIdentifier, string? dimension, CancellationToken cancellationToken)
    {
        var grain = ParseGranularity(granularity);
        var now = clock.GetUtcNow();
        var end = to ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var start = from ?? end.AddDays(-30);
        var validation = new Validation()
            .Require(start < end, "from", "from must be before to.")
            .Require(end - start <= TimeSpan.FromDays(MaxRangeDays), "to", $"A query spans at most {MaxRangeDays} days.")
            .Require(grain != UsageGranularity.Hour || end - start <= TimeSpan.FromDays(MaxHourlyRangeDays), "granularity", $"Hourly totals span at most {MaxHourlyRangeDays} days; use day or month.");
        validation.ThrowIfInvalid();
        var totals = await queries.GetTotalsAsync(
            new UsageQuery(start, end, grain, productId is { } p ? new ProductId(p) : null, agreementId is { } a ? new AgreementId(a) : null, customerIdentifier, dimension),
            user.UsageCaller(), cancellationToken);
        return TypedResults.Ok(new UsageTotalsResponse(start.ToUniversalTime(), end.ToUniversalTime(), WireGranularity(grain), totals.Select(t => new UsageTotalResponse(
            t.PeriodStart, t.PeriodEnd, t.ProductId.Value, t.AgreementId.Value, t.CustomerIdentifier, t.BuyerName, t.Dimension, t.Quantity, t.Records)).ToList()));
    }

    private static async Task<Ok<ApiPage<UsageRecordResponse>>> Records(
        IUsageQueries queries, ClaimsPrincipal user, DateTimeOffset? from, DateTimeOffset? to, Guid? productId, Guid? agreementId, string? customerIdentifier, string? dimension,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var filter = new UsageRecordFilter(from, to, productId is { } p ? new ProductId(p) : null, agreementId is { } a ? new AgreementId(a) : null, customerIdentifier, dimension);
        var result = await queries.ListRecordsAsync(filter, user.UsageCaller(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<UsageRecordResponse>.From(result, r => new UsageRecordResponse(
            r.Id.Value, r.SellerId.Value, r.ProductId.Value, r.AgreementId.Value, r.CustomerIdentifier, r.Dimension, r.Quantity, r.Timestamp, r.Hour, r.ReceivedAt,
            WireSource(r.Source), r.IdempotencyKey, r.Allocations.Select(x => new UsageAllocationResponse(x.Quantity, x.Tags.Select(t => new UsageTagResponse(t.Key, t.Value)).ToList())).ToList())));
    }

    private static async Task<Ok<IReadOnlyList<UsageSubmissionResponse>>> Submissions(IUsageQueries queries, ClaimsPrincipal user, int? limit, CancellationToken cancellationToken)
    {
        var entries = await queries.ListRecentSubmissionsAsync(user.OrganisationId(), Math.Clamp(limit ?? 20, 1, 200), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<UsageSubmissionResponse>>(entries.Select(e => new UsageSubmissionResponse(
            e.Id, e.ReceivedAt, WireSource(e.Source), e.Actor, e.Accepted, e.Duplicates, e.Rejected, e.BatchRejectionCode,
            e.Samples.Select(s => new UsageSampleResponse(s.Index, s.CustomerIdentifier, s.Dimension, s.Quantity, s.Timestamp, WireStatus(s.Status), s.Code, s.Message, s.RecordId?.Value)).ToList()))
            .ToList());
    }

    public static UsageCaller UsageCaller(this ClaimsPrincipal user) => new(user.OrganisationId(), user.Role() ?? Roles.Buyer, user.Actor());

    /// <summary>Missing fields become values the ingest rules refuse with the matching code (no dimension, a negative quantity, no timestamp).</summary>
    private static UsageRecordInput ToInput(UsageRecordBody? r) => r is null
        ? new UsageRecordInput(null, null, "", 0, default)
        : new UsageRecordInput(
            r.CustomerIdentifier,
            r.AgreementId is { } a ? new AgreementId(a) : null,
            r.Dimension ?? "",
            r.Quantity ?? -1,
            r.Timestamp ?? default,
            r.IdempotencyKey,
            r.Allocations?.Select(x => new UsageAllocation(x?.Quantity ?? -1, x?.Tags?.Select(t => new UsageTag(t?.Key ?? "", t?.Value ?? "")).ToList() ?? [])).ToList());

    private static UsageGranularity ParseGranularity(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" or "day" => UsageGranularity.Day,
        "hour" => UsageGranularity.Hour,
        "month" => UsageGranularity.Month,
        "total" => UsageGranularity.Total,
        _ => throw new ValidationFailedException("granularity", "Use hour, day, month or total."),
    };

    private static string WireGranularity(UsageGranularity granularity) => granularity switch
    {
        UsageGranularity.Hour => "hour",
        UsageGranularity.Month => "month",
        UsageGranularity.Total => "total",
        _ => "day",
    };

    private static string WireStatus(UsageOutcomeStatus status) => status switch
    {
        UsageOutcomeStatus.Accepted => "accepted",
        UsageOutcomeStatus.Duplicate => "duplicate",
        _ => "rejected",
    };

    private static string WireSource(UsageSource source) => source switch
    {
        UsageSource.Rest => "rest",
        UsageSource.BatchMeterUsage => "batchMeterUsage",
        UsageSource.MeterUsage => "meterUsage",
        _ => "import",
    };
}

/// <summary>Source-generated JSON metadata for the usage API, the hot path: no reflection to read a batch or write its outcomes.</summary>
[JsonSerializable(typeof(UsageApi.UsageBatchBody))]
[JsonSerializable(typeof(UsageApi.UsageBatchResponse))]
[JsonSerializable(typeof(UsageApi.UsageTotalsResponse))]
internal sealed partial class UsageJsonContext : JsonSerializerContext;

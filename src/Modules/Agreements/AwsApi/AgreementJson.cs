using System.Text.Json.Serialization;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Agreements.AwsApi;

// The Agreement service's shapes (AWS JSON 1.0, camelCase member names), as far as Tradewind fills them.

internal sealed record SearchAgreementsRequest(string? Catalog, List<FilterView>? Filters, SortView? Sort, int? MaxResults, string? NextToken);

internal sealed record FilterView(string? Name, List<string>? Values);

internal sealed record SortView(string? SortBy, string? SortOrder);

internal sealed record SearchAgreementsResponse(IReadOnlyList<AgreementViewSummary> AgreementViewSummaries, string? NextToken);

internal sealed record DescribeAgreementRequest(string? AgreementId);

internal sealed record GetAgreementTermsRequest(string? AgreementId, int? MaxResults, string? NextToken);

internal sealed record GetAgreementTermsResponse(IReadOnlyList<AcceptedTermView> AcceptedTerms, string? NextToken);

internal sealed record PartyView(string AccountId);

internal sealed record ResourceView(string Id, string Type);

internal sealed record ProposalSummaryView(IReadOnlyList<ResourceView> Resources, string OfferId);

internal sealed record AgreementViewSummary(
    string AgreementId,
    DateTimeOffset AcceptanceTime,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    string AgreementType,
    PartyView Acceptor,
    PartyView Proposer,
    ProposalSummaryView ProposalSummary,
    string Status,
    string? EndTimeBehaviorType,
    string? EndTimeBehaviorReasonCode);

internal sealed record EstimatedChargesView(string CurrencyCode, string AgreementValue);

internal sealed record RenewalSummaryView(string OfferId);

internal sealed record EndTimeBehaviorView(string Type, string? ReasonCode, RenewalSummaryView? RenewalSummary);

internal sealed record DescribeAgreementResponse(
    string AgreementId,
    PartyView Acceptor,
    PartyView Proposer,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    DateTimeOffset AcceptanceTime,
    string AgreementType,
    EstimatedChargesView EstimatedCharges,
    ProposalSummaryView ProposalSummary,
    string Status,
    EndTimeBehaviorView EndTimeBehavior);

/// <summary>A union: exactly one member is set.</summary>
internal sealed record AcceptedTermView
{
    public LegalTermView? LegalTerm { get; init; }

    public UsageBasedPricingTermView? UsageBasedPricingTerm { get; init; }

    public FixedUpfrontPricingTermView? FixedUpfrontPricingTerm { get; init; }

    public PaymentScheduleTermView? PaymentScheduleTerm { get; init; }

    public FreeTrialPricingTermView? FreeTrialPricingTerm { get; init; }

    public ValidityTermView? ValidityTerm { get; init; }
}

internal sealed record DocumentItemView(string Type, string Url, string Version);

internal sealed record LegalTermView(string Type, string Id, IReadOnlyList<DocumentItemView> Documents);

internal sealed record RateCardItemView(string DimensionKey, string Price);

internal sealed record UsageBasedRateCardView(IReadOnlyList<RateCardItemView> RateCard);

internal sealed record UsageBasedPricingTermView(string Type, string Id, string CurrencyCode, IReadOnlyList<UsageBasedRateCardView> RateCards);

internal sealed record GrantItemView(string DimensionKey, long? MaxQuantity);

internal sealed record FixedUpfrontPricingTermView(string Type, string Id, string CurrencyCode, string Duration, string Price, IReadOnlyList<GrantItemView> Grants);

internal sealed record ScheduleItemView(DateTimeOffset ChargeDate, string ChargeAmount);

internal sealed record PaymentScheduleTermView(string Type, string Id, string CurrencyCode, IReadOnlyList<ScheduleItemView> Schedule);

internal sealed record FreeTrialPricingTermView(string Type, string Id, string Duration, IReadOnlyList<GrantItemView> Grants);

internal sealed record ValidityTermView(string Type, string Id, string? AgreementDuration, DateTimeOffset AgreementStartDate, DateTimeOffset? AgreementEndDate);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(SearchAgreementsRequest))]
[JsonSerializable(typeof(SearchAgreementsResponse))]
[JsonSerializable(typeof(DescribeAgreementRequest))]
[JsonSerializable(typeof(DescribeAgreementResponse))]
[JsonSerializable(typeof(GetAgreementTermsRequest))]
[JsonSerializable(typeof(GetAgreementTermsResponse))]
internal sealed partial class AgreementJson : JsonSerializerContext;

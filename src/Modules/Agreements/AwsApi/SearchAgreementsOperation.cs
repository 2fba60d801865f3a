using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.AwsApi;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.AwsApi;

/// <summary>
/// <c>AWSMPCommerceService_v20200301.SearchAgreements</c> (aws-marketplace.md §4): the caller's agreements as their
/// proposer. <c>catalog</c> must be <c>AWSMarketplace</c>; <c>PartyType</c> and <c>AgreementType</c>
/// (<c>PurchaseAgreement</c>) are required. What each filter means, and which are refused, is in
/// docs/aws-compatible-api.md.
/// </summary>
internal sealed class SearchAgreementsOperation(IAgreementsQueries agreements, PageTokens tokens)
    : AwsOperation<SearchAgreementsRequest, SearchAgreementsResponse>
{
    public const int MaxPageSize = 50;

    private static readonly string[] ResourceTypes = ["SaaSProduct", "AmiProduct", "ContainerProduct", "ProfessionalServicesProduct", "MachineLearningProduct"];

    /// <summary>AWS filters Tradewind has no data for: every agreement lacks them, so they match nothing.</summary>
    private static readonly string[] NeverMatchingFilters = ["OfferSetId", "InitialAgreementId", "LicenseArn"];

    private static readonly string[] UnsupportedFilters = ["BeforeLastUpdateTime", "AfterLastUpdateTime", "EndTimeBehaviorType", "EndTimeBehaviorReasonCode"];

    public override string Target => "AWSMPCommerceService_v20200301.SearchAgreements";

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json10;

    protected override JsonTypeInfo<SearchAgreementsRequest> RequestType => AgreementJson.Default.SearchAgreementsRequest;

    protected override JsonTypeInfo<SearchAgreementsResponse> ResponseType => AgreementJson.Default.SearchAgreementsResponse;

    protected override async Task<SearchAgreementsResponse> HandleAsync(AwsCaller caller, SearchAgreementsRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Catalog, "AWSMarketplace", StringComparison.Ordinal))
        {
            throw AgreementErrors.Validation("INVALID_CATALOG", "catalog", "catalog must be 'AWSMarketplace'.");
        }

        if (request.MaxResults is < 1 or > MaxPageSize)
        {
            throw AgreementErrors.Validation("INVALID_MAX_RESULTS", "maxResults", $"maxResults must be between 1 and {MaxPageSize}.");
        }

        var filters = ReadFilters(request.Filters);
        var (sortBy, descending) = ReadSort(request.Sort);
        var query = string.Join(';', new[] { caller.SellerId.ToString(), sortBy.ToString(), descending ? "desc" : "asc" }
            .Concat(filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + string.Join(',', f.Value.Order(StringComparer.Ordinal)))));
        var offset = 0;
        if (request.NextToken is not null && !tokens.TryRead(request.NextToken, Target, query, out offset))
        {
            throw AgreementErrors.Validation("INVALID_NEXT_TOKEN", "nextToken", "The nextToken is not valid for this request.");
        }

        // The seller is always the proposer; as an acceptor it has accepted no agreement here.
        if (!filters["PartyType"].Contains("Proposer", StringComparer.Ordinal) || NeverMatchingFilters.Any(filters.ContainsKey)
            || (filters.TryGetValue("ResourceType", out var types) && !types.Contains(AgreementViews.SaaSProduct, StringComparer.Ordinal)))
        {
            return new SearchAgreementsResponse([], null);
        }

        var search = new SellerAgreementSearch(
            caller.SellerId,
            Statuses: filters.TryGetValue("Status", out var statuses) ? statuses.SelectMany(AgreementViews.Statuses).Distinct().ToList() : null,
            ProductIds: filters.TryGetValue("ResourceIdentifier", out var products) ? products.Select(p => ProductId.TryParse(p, out var id) ? id : (ProductId?)null).OfType<ProductId>().ToList() : null,
            Offers: filters.TryGetValue("OfferId", out var offers) ? offers.Select(ParseOffer).OfType<OfferVersion>().ToList() : null,
            CustomerIdentifiers: filters.TryGetValue("AcceptorAccountId", out var acceptors) ? acceptors : null,
            StartsBefore: Instant(filters, "BeforeStartTime"),
            StartsAfter: Instant(filters, "AfterStartTime"),
            EndsBefore: Instant(filters, "BeforeEndTime"),
            EndsAfter: Instant(filters, "AfterEndTime"),
            SortBy: sortBy,
            Descending: descending);
        var size = request.MaxResults ?? MaxPageSize;
        var found = await agreements.SearchSellerAgreementsAsync(search, offset, size + 1, cancellationToken);
        return new SearchAgreementsResponse(
            found.Take(size).Select(AgreementViews.Summary).ToList(),
            found.Count > size ? tokens.Write(Target, query, offset + size) : null);
    }

    private static Dictionary<string, List<string>> ReadFilters(List<FilterView>? filters)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var filter in filters ?? [])
        {
            if (string.IsNullOrEmpty(filter.Name))
            {
                throw AgreementErrors.Validation("MISSING_FILTER_NAME", "filters", "Every filter needs a name.");
            }

            if (filter.Values is not { Count: > 0 } values || values.Any(string.IsNullOrEmpty))
            {
                throw AgreementErrors.Validation("MISSING_FILTER_VALUES", "filters", $"The filter '{filter.Name}' needs at least one non-empty value.");
            }

            if (UnsupportedFilters.Contains(filter.Name, StringComparer.Ordinal))
            {
                throw AgreementErrors.Validation("UNSUPPORTED_FILTERS", "filters", $"Tradewind does not support the filter '{filter.Name}'.");
            }

            var known = filter.Name is "PartyType" or "AgreementType" or "AcceptorAccountId" or "OfferId" or "ResourceIdentifier" or "ResourceType" or "Status"
                or "BeforeStartTime" or "AfterStartTime" or "BeforeEndTime" or "AfterEndTime" || NeverMatchingFilters.Contains(filter.Name, StringComparer.Ordinal);
            if (!known)
            {
                throw AgreementErrors.Validation("INVALID_FILTER_NAME", "filters", $"Unknown filter '{filter.Name}'.");
            }

            if (!byName.TryAdd(filter.Name, values.Distinct(StringComparer.Ordinal).ToList()))
            {
                throw AgreementErrors.Validation("INVALID_FILTERS", "filters", $"The filter '{filter.Name}' is given twice.");
            }
        }

        if (!byName.TryGetValue("PartyType", out var parties))
        {
            throw AgreementErrors.Validation("MISSING_PARTY_TYPE", "filters", "The PartyType filter (Proposer or Acceptor) is required.");
        }

        if (parties.Any(p => p is not ("Proposer" or "Acceptor")))
        {
            throw AgreementErrors.Validation("INVALID_PARTY_TYPE", "filters", "PartyType must be Proposer or Acceptor.");
        }

        if (!byName.TryGetValue("AgreementType", out var agreementTypes) || agreementTypes.Any(t => t != AgreementViews.PurchaseAgreement))
        {
            throw AgreementErrors.Validation("INVALID_AGREEMENT_TYPE", "filters", "The AgreementType filter is required and must be PurchaseAgreement.");
        }

        if (byName.TryGetValue("ResourceType", out var resourceTypes) && resourceTypes.Any(t => !ResourceTypes.Contains(t, StringComparer.Ordinal)))
        {
            throw AgreementErrors.Validation("INVALID_FILTER_VALUES", "filters", $"ResourceType must be one of {string.Join(", ", ResourceTypes)}.");
        }

        if (byName.TryGetValue("Status", out var statuses) && statuses.Any(s => !AgreementViews.AwsStatuses.Contains(s, StringComparer.Ordinal)))
        {
            throw AgreementErrors.Validation("INVALID_STATUS", "filters", $"Status must be one of {string.Join(", ", AgreementViews.AwsStatuses)}.");
        }

        foreach (var name in new[] { "BeforeStartTime", "AfterStartTime", "BeforeEndTime", "AfterEndTime" })
        {
            if (byName.TryGetValue(name, out var values) && (values.Count != 1 || ParseInstant(values[0]) is null))
            {
                throw AgreementErrors.Validation("INVALID_FILTER_VALUES", "filters", $"{name} takes one instant: ISO 8601 (2026-11-27T00:00:00Z) or epoch seconds.");
            }
        }

        return byName;
    }

    private static (AgreementSortKey SortBy, bool Descending) ReadSort(SortView? sort)
    {
        var sortBy = sort?.SortBy switch
        {
            null or "EndTime" => AgreementSortKey.EndTime,
            "StartTime" => AgreementSortKey.StartTime,
            "LastUpdateTime" => throw AgreementErrors.Validation("INVALID_SORT_BY", "sort.sortBy", "Tradewind does not sort by LastUpdateTime yet; use EndTime or StartTime."),
            _ => throw AgreementErrors.Validation("INVALID_SORT_BY", "sort.sortBy", "sortBy must be EndTime or StartTime."),
        };
        var descending = sort?.SortOrder switch
        {
            null or "ASCENDING" => false,
            "DESCENDING" => true,
            _ => throw AgreementErrors.Validation("INVALID_SORT_ORDER", "sort.sortOrder", "sortOrder must be ASCENDING or DESCENDING."),
        };
        return (sortBy, descending);
    }

    private static DateTimeOffset? Instant(Dictionary<string, List<string>> filters, string name) =>
        filters.TryGetValue(name, out var values) ? ParseInstant(values[0]) : null;

    private static DateTimeOffset? ParseInstant(string value)
    {
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds < 253_402_300_800m)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Truncate(seconds * 1000m));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;
    }

    /// <summary><c>offer-{plan id, 32 hex digits}-v{version}</c>, as <see cref="AgreementDto.OfferId"/> writes it.</summary>
    private static OfferVersion? ParseOffer(string offerId)
    {
        var parts = offerId.Split('-');
        return parts.Length == 3 && parts[0] == "offer" && Guid.TryParseExact(parts[1], "N", out var plan) && plan != Guid.Empty
            && parts[2].StartsWith('v') && int.TryParse(parts[2].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new OfferVersion(new PlanId(plan), version)
            : null;
    }
}

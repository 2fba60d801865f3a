using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.AwsApi;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.AwsApi;

/// <summary>
/// <c>AWSMPEntitlementService.GetEntitlements</c> (aws-marketplace.md §3): the entitlements in force now of one of the
/// caller's products. <c>ProductCode</c> is the product id. Filters: <c>CUSTOMER_IDENTIFIER</c> and <c>DIMENSION</c>
/// (values OR'ed, keys AND'ed); <c>CUSTOMER_AWS_ACCOUNT_ID</c> and <c>LICENSE_ARN</c> are accepted and match nothing,
/// because Tradewind customers have neither. See docs/aws-compatible-api.md.
/// </summary>
internal sealed class GetEntitlementsOperation(IAgreementsQueries agreements, ICatalogQueries catalog, PageTokens tokens, TimeProvider clock)
    : AwsOperation<GetEntitlementsRequest, GetEntitlementsResponse>
{
    public const int MaxPageSize = 25;

    private const string CustomerIdentifier = "CUSTOMER_IDENTIFIER";
    private const string CustomerAwsAccountId = "CUSTOMER_AWS_ACCOUNT_ID";
    private const string Dimension = "DIMENSION";
    private const string LicenseArn = "LICENSE_ARN";

    private static readonly string[] FilterNames = [CustomerIdentifier, CustomerAwsAccountId, Dimension, LicenseArn];

    public override string Target => "AWSMPEntitlementService.GetEntitlements";

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json11;

    protected override JsonTypeInfo<GetEntitlementsRequest> RequestType => EntitlementJson.Default.GetEntitlementsRequest;

    protected override JsonTypeInfo<GetEntitlementsResponse> ResponseType => EntitlementJson.Default.GetEntitlementsResponse;

    protected override async Task<GetEntitlementsResponse> HandleAsync(AwsCaller caller, GetEntitlementsRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ProductCode) || request.ProductCode.Length > 255)
        {
            throw InvalidParameter("ProductCode is required (1 to 255 characters).");
        }

        if (request.MaxResults is < 1 or > MaxPageSize)
        {
            throw InvalidParameter($"MaxResults must be between 1 and {MaxPageSize}.");
        }

        // Another seller's product is indistinguishable from one that does not exist.
        if (!ProductId.TryParse(request.ProductCode, out var productId)
            || await catalog.FindProductAsync(productId, new CatalogCaller(caller.SellerId, IsOperator: false, caller.Actor), cancellationToken) is null)
        {
            throw InvalidParameter($"The product code '{request.ProductCode}' is not one of your products.");
        }

        var filter = request.Filter ?? [];
        foreach (var (name, values) in filter)
        {
            if (!FilterNames.Contains(name, StringComparer.Ordinal))
            {
                throw InvalidParameter($"Unknown filter '{name}'; use {string.Join(", ", FilterNames)}.");
            }

            if (values is not { Count: > 0 } || values.Any(string.IsNullOrEmpty))
            {
                throw InvalidParameter($"The filter '{name}' needs at least one non-empty value.");
            }
        }

        if (filter.ContainsKey(CustomerIdentifier) && filter.ContainsKey(CustomerAwsAccountId))
        {
            throw InvalidParameter($"{CustomerIdentifier} and {CustomerAwsAccountId} cannot be combined.");
        }

        var query = string.Join(
            ';',
            new[] { caller.SellerId.ToString(), productId.ToString() }.Concat(filter.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => f.Key + "=" + string.Join(',', f.Value.Order(StringComparer.Ordinal)))));
        var offset = 0;
        if (request.NextToken is not null && !tokens.TryRead(request.NextToken, Target, query, out offset))
        {
            throw InvalidParameter("The NextToken is not valid for this request.");
        }

        var pageSize = request.MaxResults ?? MaxPageSize;
        if (filter.ContainsKey(CustomerAwsAccountId) || filter.ContainsKey(LicenseArn))
        {
            return new GetEntitlementsResponse([], null);
        }

        var search = new EntitlementsInForceSearch(
            caller.SellerId, productId, clock.GetUtcNow(), filter.GetValueOrDefault(CustomerIdentifier), filter.GetValueOrDefault(Dimension));
        var found = await agreements.ListEntitlementsInForceAsync(search, offset, pageSize + 1, cancellationToken);
        var page = found.Take(pageSize).Select(View).ToList();
        return new GetEntitlementsResponse(page, found.Count > pageSize ? tokens.Write(Target, query, offset + pageSize) : null);
    }

    private static EntitlementView View(EntitlementInForce found)
    {
        var e = found.Entitlement;
        EntitlementValueView value = e switch
        {
            { Unlimited: true } or { Quantity: null } => new(BooleanValue: true),
            { Quantity: { } whole } when whole == decimal.Truncate(whole) && whole <= long.MaxValue => new(IntegerValue: (long)whole),
            // The Entitlement model's DoubleValue: a fractional included quantity, not money.
            { Quantity: { } fractional } => new(DoubleValue: double.Parse(fractional.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        };
        return new EntitlementView(e.ProductCode, e.Dimension, e.CustomerIdentifier, value, found.ExpiresAt);
    }

    private static AwsServiceException InvalidParameter(string message) => new("InvalidParameterException", message);
}

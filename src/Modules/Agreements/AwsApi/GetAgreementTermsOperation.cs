using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Agreements.AwsApi;

/// <summary>
/// <c>AWSMPCommerceService_v20200301.GetAgreementTerms</c>: the terms the buyer accepted, copied into the agreement, as
/// AWS's term union (<see cref="AgreementViews.Terms"/>), in pages of <c>maxResults</c> (1–50, default 50).
/// </summary>
internal sealed class GetAgreementTermsOperation(IAgreementsQueries agreements, PageTokens tokens, SiteUrl site)
    : AwsOperation<GetAgreementTermsRequest, GetAgreementTermsResponse>
{
    public const int MaxPageSize = 50;

    public override string Target => "AWSMPCommerceService_v20200301.GetAgreementTerms";

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json10;

    protected override JsonTypeInfo<GetAgreementTermsRequest> RequestType => AgreementJson.Default.GetAgreementTermsRequest;

    protected override JsonTypeInfo<GetAgreementTermsResponse> ResponseType => AgreementJson.Default.GetAgreementTermsResponse;

    protected override async Task<GetAgreementTermsResponse> HandleAsync(AwsCaller caller, GetAgreementTermsRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxResults is < 1 or > MaxPageSize)
        {
            throw AgreementErrors.Validation("INVALID_MAX_RESULTS", "maxResults", $"maxResults must be between 1 and {MaxPageSize}.");
        }

        var agreement = await DescribeAgreementOperation.FindAsync(agreements, caller, request.AgreementId, cancellationToken);
        var query = string.Create(CultureInfo.InvariantCulture, $"{caller.SellerId};{agreement.Id}");
        var offset = 0;
        if (request.NextToken is not null && !tokens.TryRead(request.NextToken, Target, query, out offset))
        {
            throw AgreementErrors.Validation("INVALID_NEXT_TOKEN", "nextToken", "The nextToken is not valid for this request.");
        }

        var terms = AgreementViews.Terms(agreement, site.Value);
        var size = request.MaxResults ?? MaxPageSize;
        var page = terms.Skip(offset).Take(size).ToList();
        return new GetAgreementTermsResponse(page, offset + size < terms.Count ? tokens.Write(Target, query, offset + size) : null);
    }
}

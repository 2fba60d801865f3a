using System.Text.Json.Serialization.Metadata;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.AwsApi;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.AwsApi;

/// <summary>
/// <c>AWSMPCommerceService_v20200301.DescribeAgreement</c>: one of the caller's agreements, with its estimated charges
/// and end-time behaviour. Another seller's agreement, like an unknown one, is <c>ResourceNotFoundException</c>.
/// </summary>
internal sealed class DescribeAgreementOperation(IAgreementsQueries agreements) : AwsOperation<DescribeAgreementRequest, DescribeAgreementResponse>
{
    public override string Target => "AWSMPCommerceService_v20200301.DescribeAgreement";

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json10;

    protected override JsonTypeInfo<DescribeAgreementRequest> RequestType => AgreementJson.Default.DescribeAgreementRequest;

    protected override JsonTypeInfo<DescribeAgreementResponse> ResponseType => AgreementJson.Default.DescribeAgreementResponse;

    protected override async Task<DescribeAgreementResponse> HandleAsync(AwsCaller caller, DescribeAgreementRequest request, CancellationToken cancellationToken) =>
        AgreementViews.Describe(await FindAsync(agreements, caller, request.AgreementId, cancellationToken));

    /// <summary>The caller's agreement, or the modeled error: missing id → validation, unknown or not the caller's → not found.</summary>
    public static async Task<AgreementDto> FindAsync(IAgreementsQueries agreements, AwsCaller caller, string? agreementId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(agreementId))
        {
            throw AgreementErrors.Validation("MISSING_AGREEMENT_ID", "agreementId", "agreementId is required.");
        }

        var seller = new AgreementsCaller(caller.SellerId, Roles.Seller, caller.Actor);
        return AgreementId.TryParse(agreementId, out var id) && await agreements.FindAsync(id, seller, cancellationToken) is { } found
            ? found
            : throw AgreementErrors.AgreementNotFound(agreementId);
    }
}

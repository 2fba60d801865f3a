using System.Text.Json.Serialization.Metadata;
using Tradewind.Contracts.AwsApi;
using Tradewind.Contracts.Metering;

namespace Tradewind.Metering.AwsApi;

/// <summary>
/// <c>AWSMPMeteringService.MeterUsage</c>: one record from software running in one customer's environment, signed with
/// an access key bound to that customer (AWS's buyer-side call; the bound key stands in for the buyer's account).
/// Accepted up to 6 hours back. The same dimension and hour again: identical answers the same <c>MeteringRecordId</c>,
/// another quantity is <c>DuplicateRequestException</c>. <c>ClientToken</c> is the idempotency key: reused with other
/// parameters it is <c>IdempotencyConflictException</c> (409). <c>DryRun</c> checks everything, writes nothing and
/// answers AWS's <c>DryRunOperation</c> error (HTTP 412, as EC2 answers it) when the call would have succeeded.
/// </summary>
internal sealed class MeterUsageOperation(IUsageIngest ingest, SellerProducts products) : AwsOperation<MeterUsageRequest, MeterUsageResponse>
{
    public const int DryRunStatus = 412;

    public override string Target => "AWSMPMeteringService.MeterUsage";

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json11;

    protected override JsonTypeInfo<MeterUsageRequest> RequestType => MeteringJson.Default.MeterUsageRequest;

    protected override JsonTypeInfo<MeterUsageResponse> ResponseType => MeteringJson.Default.MeterUsageResponse;

    protected override async Task<MeterUsageResponse> HandleAsync(AwsCaller caller, MeterUsageRequest request, CancellationToken cancellationToken)
    {
        var errors = new ConstraintErrors();
        if (request.ProductCode is null)
        {
            errors.Required("productCode");
        }

        if (request.Timestamp is null)
        {
            errors.Required("timestamp");
        }

        if (request.UsageDimension is null)
        {
            errors.Required("usageDimension");
        }

        errors.Length("productCode", request.ProductCode, 1, 255);
        errors.Length("usageDimension", request.UsageDimension, 1, 255);
        errors.Range("usageQuantity", request.UsageQuantity, 0, int.MaxValue);
        errors.Length("clientToken", request.ClientToken, 1, 64);
        var allocations = errors.Allocations("usageAllocations", request.UsageAllocations);
        errors.ThrowIfAny();

        var productId = await products.RequireOwnAsync(request.ProductCode, caller, cancellationToken);
        if (caller.BoundCustomerIdentifier is not { } customer)
        {
            throw MeteringErrors.UnboundKey("MeterUsage");
        }

        var dryRun = request.DryRun == true;
        var record = new UsageRecordInput(null, null, request.UsageDimension!, request.UsageQuantity ?? 0, request.Timestamp!.Value, request.ClientToken, allocations);
        var result = await ingest.SubmitAsync(
            new UsageSubmission(caller.SellerId, UsageSource.MeterUsage, [record], caller.Actor, productId, customer),
            new UsageSubmitOptions(DryRun: dryRun),
            cancellationToken);
        var outcome = result.BatchRejection ?? result.Outcomes.Single();
        switch (outcome.Status)
        {
            case UsageOutcomeStatus.Rejected:
                throw MeteringErrors.ForRejection(outcome);
            case UsageOutcomeStatus.Duplicate when outcome.Code == UsageDuplicate.IdempotencyKey:
                throw new AwsServiceException(
                    "IdempotencyConflictException",
                    $"ClientToken '{request.ClientToken}' was used before with other parameters; use a new ClientToken for a new request.",
                    409);
            case UsageOutcomeStatus.Duplicate:
                throw new AwsServiceException(
                    "DuplicateRequestException",
                    $"Usage of '{request.UsageDimension}' for this customer in the hour of {request.Timestamp:O} was already metered with another quantity; the first quantity stands.");
        }

        if (dryRun)
        {
            throw new AwsServiceException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", DryRunStatus);
        }

        return new MeterUsageResponse(outcome.RecordId?.ToString() ?? throw new InvalidOperationException("The usage ingest accepted a record without an id."));
    }
}

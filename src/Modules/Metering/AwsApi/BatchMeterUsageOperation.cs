using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;
using Tradewind.Contracts.AwsApi;
using Tradewind.Contracts.Metering;

namespace Tradewind.Metering.AwsApi;

/// <summary>
/// <c>AWSMPMeteringService.BatchMeterUsage</c>: up to 25 usage records of SaaS customers, named by
/// <c>CustomerIdentifier</c>, from the seller's own systems. One record with an out-of-window timestamp, an unknown
/// dimension or invalid allocations or tags refuses the whole batch with the modeled exception; otherwise each record
/// answers <c>Success</c> (stored, or an identical earlier record), <c>DuplicateRecord</c> (the same customer, dimension
/// and hour with another quantity: the first stands) or <c>CustomerNotSubscribed</c>. <c>UnprocessedRecords</c> is
/// always empty: the batch commits as a whole before the answer, and an outage fails the call (500) so the client
/// resends it all.
/// </summary>
internal sealed class BatchMeterUsageOperation(IUsageIngest ingest, SellerProducts products) : AwsOperation<BatchMeterUsageRequest, BatchMeterUsageResponse>
{
    public const int MaxRecords = 25;

    // What AWS refuses a whole batch for; invalid_record and invalid_quantity cannot pass the checks below and are
    // listed so a record that slips through never leaves a half-written batch.
    private static readonly FrozenSet<string> RejectBatchOn = new[]
    {
        UsageRejection.TimestampOutOfWindow, UsageRejection.UnknownDimension, UsageRejection.InvalidAllocations, UsageRejection.InvalidTag,
        UsageRejection.InvalidRecord, UsageRejection.InvalidQuantity,
    }.ToFrozenSet(StringComparer.Ordinal);

    public override string Target => "AWSMPMeteringService.BatchMeterUsage";

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json11;

    protected override JsonTypeInfo<BatchMeterUsageRequest> RequestType => MeteringJson.Default.BatchMeterUsageRequest;

    protected override JsonTypeInfo<BatchMeterUsageResponse> ResponseType => MeteringJson.Default.BatchMeterUsageResponse;

    protected override async Task<BatchMeterUsageResponse> HandleAsync(AwsCaller caller, BatchMeterUsageRequest request, CancellationToken cancellationToken)
    {
        var errors = new ConstraintErrors();
        var records = request.UsageRecords;
        var inputs = new List<UsageRecordInput>(records?.Count ?? 0);
        if (records is null)
        {
            errors.Required("usageRecords");
        }
        else if (records.Count > MaxRecords)
        {
            errors.Add("usageRecords", $"Member must have length less than or equal to {MaxRecords}");
        }
        else
        {
            for (var i = 0; i < records.Count; i++)
            {
                inputs.Add(Read(records[i], $"usageRecords.{i + 1}.member", errors));
            }
        }

        errors.Length("productCode", request.ProductCode, 0, 255);
        errors.ThrowIfAny();

        // The model defaults ProductCode to "": absent. Without it a record's CustomerIdentifier alone names the product.
        var productId = string.IsNullOrEmpty(request.ProductCode) ? default(Primitives.Ids.ProductId?) : await products.RequireOwnAsync(request.ProductCode, caller, cancellationToken);
        foreach (var record in records!)
        {
            RequireCustomerIdentifier(record);
        }

        if (inputs.Count == 0)
        {
            return new BatchMeterUsageResponse([], []);
        }

        var result = await ingest.SubmitAsync(
            new UsageSubmission(caller.SellerId, UsageSource.BatchMeterUsage, inputs, caller.Actor, productId),
            new UsageSubmitOptions(RejectBatchOn: RejectBatchOn),
            cancellationToken);
        if (result.BatchRejection is { } rejection)
        {
            throw MeteringErrors.ForRejection(rejection);
        }

        var results = result.Outcomes.OrderBy(o => o.Index).Select(o => new UsageRecordResultShape(records[o.Index], o.RecordId?.ToString(), StatusOf(o))).ToList();
        return new BatchMeterUsageResponse(results, []);
    }

    private static UsageRecordInput Read(UsageRecordShape record, string path, ConstraintErrors errors)
    {
        if (record.Timestamp is null)
        {
            errors.Required($"{path}.timestamp");
        }

        if (record.Dimension is null)
        {
            errors.Required($"{path}.dimension");
        }

        errors.Length($"{path}.dimension", record.Dimension, 1, 255);
        errors.Length($"{path}.customerIdentifier", record.CustomerIdentifier, 0, 255);
        errors.Range($"{path}.quantity", record.Quantity, 0, int.MaxValue);
        var allocations = errors.Allocations($"{path}.usageAllocations", record.UsageAllocations);
        return new UsageRecordInput(record.CustomerIdentifier, null, record.Dimension ?? "", record.Quantity ?? 0, record.Timestamp ?? default, null, allocations);
    }

    /// <summary>
    /// Tradewind names customers by <c>CustomerIdentifier</c> (what <c>ResolveCustomer</c> returns); it has no AWS
    /// accounts or licence ARNs, so records naming a customer that way are refused with the model's errors for them.
    /// </summary>
    private static void RequireCustomerIdentifier(UsageRecordShape record)
    {
        if (!string.IsNullOrEmpty(record.LicenseArn))
        {
            throw new AwsServiceException(
                "InvalidLicenseException",
                $"Tradewind has no licence ARNs ('{record.LicenseArn}'): identify each customer by the CustomerIdentifier that ResolveCustomer returned.");
        }

        if (!string.IsNullOrEmpty(record.CustomerAwsAccountId))
        {
            throw new AwsServiceException(
                "InvalidCustomerIdentifierException",
                "Tradewind identifies customers by CustomerIdentifier, not by AWS account id: send the CustomerIdentifier that ResolveCustomer returned.");
        }

        if (string.IsNullOrEmpty(record.CustomerIdentifier))
        {
            throw new AwsServiceException("InvalidCustomerIdentifierException", "Each usage record needs the CustomerIdentifier that ResolveCustomer returned.");
        }
    }

    private static string StatusOf(UsageRecordOutcome outcome) => outcome.Status switch
    {
        UsageOutcomeStatus.Accepted => "Success",
        UsageOutcomeStatus.Duplicate => "DuplicateRecord",
        UsageOutcomeStatus.Rejected when MeteringErrors.IsCustomerNotSubscribed(outcome.Code) => "CustomerNotSubscribed",
        _ => throw MeteringErrors.ForRejection(outcome),
    };
}

using Tradewind.Contracts.AwsApi;
using Tradewind.Contracts.Metering;

namespace Tradewind.Metering.AwsApi;

/// <summary>
/// The Metering service's modeled errors (all client faults, HTTP 400, except <c>IdempotencyConflictException</c>, which
/// the model pins to 409) and how ingest rejection codes become them.
/// </summary>
internal static class MeteringErrors
{
    public static AwsServiceException InvalidProductCode(string? productCode) => new(
        "InvalidProductCodeException",
        $"'{productCode}' is not a product code of yours. The product code is the product's id in Tradewind (seller portal, product page).");

    public static AwsServiceException CustomerNotEntitled(string message) => new("CustomerNotEntitledException", message);

    public static AwsServiceException UnboundKey(string operation) => CustomerNotEntitled(
        $"{operation} reports for the customer whose environment the software runs in, and this access key is not bound to a customer. " +
        "Create an AWS access key bound to that customer (seller portal, AWS access keys, customer identifier; or POST /api/v1/aws-access-keys " +
        "with customerIdentifier) and sign with it. To report usage for any of your customers, use BatchMeterUsage.");

    /// <summary>The error for a record the ingest refused (or for the batch it refused because of one record).</summary>
    public static AwsServiceException ForRejection(UsageRecordOutcome outcome)
    {
        var message = outcome.Message ?? "The usage record was refused.";
        return outcome.Code switch
        {
            UsageRejection.TimestampOutOfWindow => new("TimestampOutOfBoundsException", message),
            UsageRejection.UnknownDimension => new("InvalidUsageDimensionException", message),
            UsageRejection.InvalidAllocations => new("InvalidUsageAllocationsException", message),
            UsageRejection.InvalidTag => new("InvalidTagException", message),
            UsageRejection.InvalidRecord or UsageRejection.InvalidQuantity => AwsServiceException.Validation([message]),
            UsageRejection.UnknownCustomer or UsageRejection.NotEntitled or UsageRejection.WrongProduct => CustomerNotEntitled(message),
            _ => throw new InvalidOperationException($"The usage ingest answered an unknown rejection code '{outcome.Code}'."),
        };
    }

    /// <summary>Whether a per-record rejection means AWS's <c>CustomerNotSubscribed</c>.</summary>
    public static bool IsCustomerNotSubscribed(string? code) =>
        code is UsageRejection.UnknownCustomer or UsageRejection.NotEntitled or UsageRejection.WrongProduct;
}

/// <summary>
/// Collects breaches of the model's constraints and throws them as one <c>ValidationException</c> worded as AWS words it:
/// "Value at 'usageRecords.1.member.dimension' failed to satisfy constraint: Member must not be null".
/// </summary>
internal sealed class ConstraintErrors
{
    private readonly List<string> _errors = [];

    public void Add(string member, string constraint) => _errors.Add($"Value at '{member}' failed to satisfy constraint: {constraint}");

    public void Required(string member) => Add(member, "Member must not be null");

    public void Length(string member, string? value, int min, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < min)
        {
            Add(member, $"Member must have length greater than or equal to {min}");
        }
        else if (value.Length > max)
        {
            Add(member, $"Member must have length less than or equal to {max}");
        }
    }

    public void Range(string member, long? value, long min, long max)
    {
        if (value < min)
        {
            Add(member, $"Member must have value greater than or equal to {min}");
        }
        else if (value > max)
        {
            Add(member, $"Member must have value less than or equal to {max}");
        }
    }

    /// <summary>Checks allocations' structure (1–2,500 items, quantities present); sums and tags are the ingest's rules.</summary>
    public IReadOnlyList<UsageAllocation>? Allocations(string member, IReadOnlyList<UsageAllocationShape>? allocations)
    {
        if (allocations is null)
        {
            return null;
        }

        if (allocations.Count is < 1 or > 2500)
        {
            Add(member, allocations.Count < 1 ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 2500");
            return null;
        }

        var result = new List<UsageAllocation>(allocations.Count);
        for (var i = 0; i < allocations.Count; i++)
        {
            var allocation = allocations[i];
            var path = $"{member}.{i + 1}.member";
            if (allocation.AllocatedUsageQuantity is null)
            {
                Required($"{path}.allocatedUsageQuantity");
            }

            Range($"{path}.allocatedUsageQuantity", allocation.AllocatedUsageQuantity, 0, int.MaxValue);
            var tags = new List<UsageTag>(allocation.Tags?.Count ?? 0);
            for (var t = 0; t < (allocation.Tags?.Count ?? 0); t++)
            {
                var tag = allocation.Tags![t];
                if (tag.Key is null)
                {
                    Required($"{path}.tags.{t + 1}.member.key");
                }

                if (tag.Value is null)
                {
                    Required($"{path}.tags.{t + 1}.member.value");
                }

                tags.Add(new UsageTag(tag.Key ?? "", tag.Value ?? ""));
            }

            result.Add(new UsageAllocation(allocation.AllocatedUsageQuantity ?? 0, tags));
        }

        return result;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw AwsServiceException.Validation(_errors);
        }
    }
}

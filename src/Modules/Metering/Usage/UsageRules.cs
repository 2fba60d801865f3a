using System.Text.RegularExpressions;
using Tradewind.Contracts.Metering;

namespace Tradewind.Metering.Usage;

/// <summary>
/// The checks a record passes on its own, before its customer is looked up: its shape, quantity, allocations and time
/// window. Limits follow the AWS Metering model (../shared/spec/aws-marketplace.md §2); REST allows larger quantities.
/// </summary>
internal static partial class UsageRules
{
    /// <summary>AWS quantities are 32-bit: 0–2,147,483,647.</summary>
    public const long MaxAwsQuantity = int.MaxValue;

    /// <summary>REST and imports allow up to 10^12 per record (a trillion units in an hour is already absurd).</summary>
    public const long MaxRestQuantity = 1_000_000_000_000;

    public const int MaxAllocations = 2500;
    public const int MaxTagsPerAllocation = 5;
    public const int MaxTagKeyLength = 100;
    public const int MaxTagValueLength = 256;

    /// <summary>Every source refuses records from more than five minutes in the future (clock skew allowance).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>AWS BatchMeterUsage rejects records 24 hours or more after the event.</summary>
    public static readonly TimeSpan BatchMeterUsageMaxAge = TimeSpan.FromHours(24);

    /// <summary>AWS MeterUsage accepts records up to 6 hours in the past.</summary>
    public static readonly TimeSpan MeterUsageMaxAge = TimeSpan.FromHours(6);

    /// <summary>The oldest accepted age for <paramref name="source"/>; null when no window applies (imports).</summary>
    public static TimeSpan? MaxAge(UsageSource source, TimeSpan restMaxAge) => source switch
    {
        UsageSource.Rest => restMaxAge,
        UsageSource.BatchMeterUsage => BatchMeterUsageMaxAge,
        UsageSource.MeterUsage => MeterUsageMaxAge,
        _ => null,
    };

    public static long MaxQuantity(UsageSource source) =>
        source is UsageSource.BatchMeterUsage or UsageSource.MeterUsage ? MaxAwsQuantity : MaxRestQuantity;

    /// <summary>Truncates an instant to the start of its UTC hour (the dedupe grain).</summary>
    public static DateTimeOffset HourOf(DateTimeOffset timestamp)
    {
        var utcTicks = timestamp.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    /// <summary>The first rule <paramref name="record"/> breaks, or null when it passes every check made without its customer.</summary>
    public static UsageProblem? Check(UsageRecordInput record, UsageSource source, string? boundCustomer, DateTimeOffset now, TimeSpan restMaxAge)
    {
        var customer = record.CustomerIdentifier ?? (record.AgreementId is null ? boundCustomer : null);
        if (record.AgreementId is { } agreementId)
        {
            if (record.CustomerIdentifier is not null)
            {
                return new(UsageRejection.InvalidRecord, "Name the customer by customerIdentifier or by agreementId, not both.");
            }

            if (agreementId.Value == Guid.Empty)
            {
                return new(UsageRejection.InvalidRecord, "The agreementId is not a valid agreement id.");
            }
        }
        else if (string.IsNullOrEmpty(customer))
        {
            return new(UsageRejection.InvalidRecord, "Name the customer: give a customerIdentifier or an agreementId.");
        }
        else if (customer.Length > UsageRecord.MaxCustomerIdentifierLength)
        {
            return new(UsageRejection.InvalidRecord, "The customerIdentifier is longer than 255 characters.");
        }

        if (string.IsNullOrEmpty(record.Dimension) || record.Dimension.Length > UsageRecord.MaxDimensionLength)
        {
            return new(UsageRejection.InvalidRecord, "The dimension must be 1 to 255 characters.");
        }

        if (record.IdempotencyKey is { } key && (key.Length == 0 || key.Length > UsageRecord.MaxIdempotencyKeyLength))
        {
            return new(UsageRejection.InvalidRecord, "The idempotencyKey must be 1 to 255 characters.");
        }

        var maxQuantity = MaxQuantity(source);
        if (record.Quantity < 0 || record.Quantity > maxQuantity)
        {
            return new(UsageRejection.InvalidQuantity, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The quantity must be a whole number from 0 to {maxQuantity}."));
        }

        if (record.Allocations is { } allocations && CheckAllocations(allocations, record.Quantity, source) is { } allocationProblem)
        {
            return allocationProblem;
        }

        return CheckWindow(record.Timestamp, source, now, restMaxAge);
    }

    public static UsageProblem? CheckWindow(DateTimeOffset timestamp, UsageSource source, DateTimeOffset now, TimeSpan restMaxAge)
    {
        if (MaxAge(source, restMaxAge) is not { } maxAge)
        {
            return null;
        }

        if (timestamp > now + MaxFutureSkew)
        {
            return new(UsageRejection.TimestampOutOfWindow, "The timestamp is more than 5 minutes in the future.");
        }

        if (timestamp <= now - maxAge)
        {
            return new(UsageRejection.TimestampOutOfWindow, string.Create(
                System.Globalization.CultureInfo.InvariantCulture, $"The timestamp is {maxAge.TotalHours:0.##} hours or more in the past; this source accepts younger records only."));
        }

        return null;
    }

    /// <summary>AWS's allocation rules: 1–2,500 allocations summing to the quantity, each with a unique set of at most 5 valid tags.</summary>
    public static UsageProblem? CheckAllocations(IReadOnlyList<UsageAllocation> allocations, long quantity, UsageSource source)
    {
        if (allocations.Count is 0 or > MaxAllocations)
        {
            return new(UsageRejection.InvalidAllocations, "Give 1 to 2,500 allocations, or none.");
        }

        var maxQuantity = MaxQuantity(source);
        long sum = 0;
        var tagSets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var allocation in allocations)
        {
            if (allocation is null || allocation.Quantity < 0 || allocation.Quantity > maxQuantity)
            {
                return new(UsageRejection.InvalidAllocations, "Every allocation needs a quantity from 0 to the record's maximum.");
            }

            sum += allocation.Quantity;
            var tags = allocation.Tags ?? [];
            if (tags.Count > MaxTagsPerAllocation)
            {
                return new(UsageRejection.InvalidTag, "An allocation has at most 5 tags.");
            }

            foreach (var tag in tags)
            {
                if (tag is null || !ValidTagPart(tag.Key, MaxTagKeyLength) || !ValidTagPart(tag.Value, MaxTagValueLength))
                {
                    return new(UsageRejection.InvalidTag,
                        "Tag keys are 1 to 100 and values 1 to 256 characters of letters, digits, spaces and + - = . _ : / @.");
                }
            }

            if (tags.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() != tags.Count)
            {
                return new(UsageRejection.InvalidTag, "A tag key appears twice in one allocation.");
            }

            var tagSet = string.Join('\u001f', tags.Select(t => t.Key + '\u001e' + t.Value).Order(StringComparer.Ordinal));
            if (!tagSets.Add(tagSet))
            {
                return new(UsageRejection.InvalidAllocations, "Two allocations have the same set of tags.");
            }
        }

        if (sum != quantity)
        {
            return new(UsageRejection.InvalidAllocations, "The allocations' quantities must add up to the record's quantity.");
        }

        return null;
    }

    private static bool ValidTagPart(string? text, int maxLength) =>
        !string.IsNullOrEmpty(text) && text.Length <= maxLength && TagPattern().IsMatch(text);

    // AWS's pattern, kept verbatim: " -=" is the ASCII range from space to '=' (it admits more punctuation than it seems).
    [GeneratedRegex(@"^[a-zA-Z0-9+ -=._:\/@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}

/// <summary>Why a record is refused: a <see cref="UsageRejection"/> code and a sentence.</summary>
internal sealed record UsageProblem(string Code, string Message);

using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>
/// A stored usage record, written once and never changed. Unique per customer × dimension × <see cref="Hour"/> (AWS's
/// dedupe grain) and per seller × <see cref="IdempotencyKey"/>, so the table is also the hourly rollup per agreement ×
/// dimension (docs/decisions/0016-usage-storage-and-group-commit.md). Rows are inserted by the group-commit writer with
/// raw ADO.NET; EF Core maps the table for the schema and for reads.
/// </summary>
internal sealed class UsageRecord
{
    public const int MaxDimensionLength = 255;
    public const int MaxCustomerIdentifierLength = 255;
    public const int MaxIdempotencyKeyLength = 255;

    public UsageRecordId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public AgreementId AgreementId { get; init; }

    /// <summary>The buyer of the agreement, kept so a buyer's usage is found without asking Agreements.</summary>
    public OrganisationId BuyerId { get; init; }

    public string CustomerIdentifier { get; init; } = "";

    public string Dimension { get; init; } = "";

    /// <summary><see cref="Timestamp"/> truncated to the UTC hour.</summary>
    public DateTimeOffset Hour { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public long Quantity { get; init; }

    public UsageSource Source { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>The allocations as canonical JSON (<see cref="AllocationsJson"/>), null when none were given.</summary>
    public string? AllocationsJson { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public Guid SubmissionId { get; init; }
}

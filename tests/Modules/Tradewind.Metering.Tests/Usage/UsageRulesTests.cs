using Tradewind.Contracts.Metering;
using Tradewind.Metering.Usage;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Tests.Usage;

public sealed class UsageRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan RestMaxAge = TimeSpan.FromHours(72);

    private static UsageRecordInput Record(long quantity = 1, DateTimeOffset? at = null, IReadOnlyList<UsageAllocation>? allocations = null) =>
        new("cust-1", null, "requests", quantity, at ?? Now, null, allocations);

    private static string? Code(UsageRecordInput record, UsageSource source = UsageSource.Rest, string? bound = null) =>
        UsageRules.Check(record, source, bound, Now, RestMaxAge)?.Code;

    [Theory]
    [InlineData(UsageSource.Rest, 72)]
    [InlineData(UsageSource.BatchMeterUsage, 24)]
    [InlineData(UsageSource.MeterUsage, 6)]
    public void Each_source_accepts_records_younger_than_its_window_and_refuses_older_ones(UsageSource source, int hours)
    {
        Assert.Null(Code(Record(at: Now.AddHours(-hours).AddSeconds(1)), source));
        Assert.Equal(UsageRejection.TimestampOutOfWindow, Code(Record(at: Now.AddHours(-hours)), source));
        Assert.Null(Code(Record(at: Now.AddMinutes(5)), source));
        Assert.Equal(UsageRejection.TimestampOutOfWindow, Code(Record(at: Now.AddMinutes(5).AddTicks(1)), source));
    }

    [Fact]
    public void Imports_have_no_window()
    {
        Assert.Null(Code(Record(at: Now.AddYears(-3)), UsageSource.Import));
        Assert.Null(Code(Record(at: Now.AddDays(2)), UsageSource.Import));
    }

    [Fact]
    public void Aws_sources_take_32_bit_quantities_and_rest_up_to_a_trillion()
    {
        Assert.Null(Code(Record(int.MaxValue), UsageSource.BatchMeterUsage));
        Assert.Equal(UsageRejection.InvalidQuantity, Code(Record(int.MaxValue + 1L), UsageSource.BatchMeterUsage));
        Assert.Null(Code(Record(1_000_000_000_000)));
        Assert.Equal(UsageRejection.InvalidQuantity, Code(Record(1_000_000_000_001)));
        Assert.Equal(UsageRejection.InvalidQuantity, Code(Record(-1)));
        Assert.Null(Code(Record(0)));
    }

    [Fact]
    public void A_record_names_its_customer_exactly_once()
    {
        Assert.Equal(UsageRejection.InvalidRecord, Code(new UsageRecordInput(null, null, "requests", 1, Now)));
        Assert.Equal(UsageRejection.InvalidRecord, Code(new UsageRecordInput("c", new AgreementId(Guid.CreateVersion7()), "requests", 1, Now)));
        Assert.Null(Code(new UsageRecordInput(null, new AgreementId(Guid.CreateVersion7()), "requests", 1, Now)));
        Assert.Null(Code(new UsageRecordInput(null, null, "requests", 1, Now), UsageSource.MeterUsage, bound: "bound-customer"));
    }

    [Fact]
    public void Dimensions_and_idempotency_keys_are_1_to_255_characters()
    {
        Assert.Equal(UsageRejection.InvalidRecord, Code(Record() with { Dimension = "" }));
        Assert.Equal(UsageRejection.InvalidRecord, Code(Record() with { Dimension = new string('d', 256) }));
        Assert.Null(Code(Record() with { Dimension = new string('d', 255) }));
        Assert.Equal(UsageRejection.InvalidRecord, Code(Record() with { IdempotencyKey = "" }));
        Assert.Equal(UsageRejection.InvalidRecord, Code(Record() with { IdempotencyKey = new string('k', 256) }));
    }

    [Fact]
    public void Allocations_must_add_up_and_have_unique_tag_sets()
    {
        UsageTag Tag(string k, string v) => new(k, v);
        Assert.Null(Code(Record(10, allocations: [new(4, [Tag("team", "a")]), new(6, [Tag("team", "b")])])));
        Assert.Null(Code(Record(10, allocations: [new(4, [Tag("team", "a"), Tag("env", "prod")]), new(6, [])])));
        Assert.Equal(UsageRejection.InvalidAllocations, Code(Record(10, allocations: [new(4, [Tag("team", "a")])])));
        Assert.Equal(UsageRejection.InvalidAllocations, Code(Record(10, allocations: [])));
        Assert.Equal(UsageRejection.InvalidAllocations,
            Code(Record(10, allocations: [new(4, [Tag("team", "a"), Tag("env", "x")]), new(6, [Tag("env", "x"), Tag("team", "a")])])));
        Assert.Equal(UsageRejection.InvalidAllocations, Code(Record(2, allocations: [new(1, []), new(1, [])])));
    }

    [Fact]
    public void Tags_follow_the_aws_limits_and_pattern()
    {
        UsageRecordInput WithTags(params UsageTag[] tags) => Record(1, allocations: [new(1, tags)]);
        UsageTag T(string k, string v) => new(k, v);
        Assert.Null(Code(WithTags(T("team/unit", "a b+c-d=e._:@"))));
        Assert.Equal(UsageRejection.InvalidTag, Code(WithTags(T("k1", "v"), T("k2", "v"), T("k3", "v"), T("k4", "v"), T("k5", "v"), T("k6", "v"))));
        Assert.Equal(UsageRejection.InvalidTag, Code(WithTags(T(new string('k', 101), "v"))));
        Assert.Null(Code(WithTags(T(new string('k', 100), new string('v', 256)))));
        Assert.Equal(UsageRejection.InvalidTag, Code(WithTags(T("k", new string('v', 257)))));
        Assert.Equal(UsageRejection.InvalidTag, Code(WithTags(T("team", "ä"))));
        Assert.Equal(UsageRejection.InvalidTag, Code(WithTags(T("", "v"))));
        Assert.Equal(UsageRejection.InvalidTag, Code(WithTags(T("team", "a"), T("team", "b"))));
    }

    [Fact]
    public void The_hour_is_the_utc_hour_whatever_the_offset()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), UsageRules.HourOf(new DateTimeOffset(2026, 11, 27, 9, 59, 59, TimeSpan.FromHours(9))));
    }
}

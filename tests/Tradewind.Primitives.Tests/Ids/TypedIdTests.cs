using CsCheck;
using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Ids.Tests;

/// <summary>
/// The rules every typed id shares, run once per id type by the small subclasses below, so each id type
/// has its own test class without repeating the tests.
/// </summary>
public abstract class TypedIdTests<TId>
    where TId : struct, ITypedId<TId>, IEquatable<TId>
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract TId Create(TimeProvider clock);

    protected abstract TId Parse(string text);

    protected abstract bool TryParse(string? text, out TId id);

    [Fact]
    public void A_new_id_is_a_version_7_guid_stamped_with_the_clock()
    {
        var id = Create(new FixedClock(Noon));

        Assert.Equal(7, id.Value.Version);
        Assert.Equal(Noon.ToUnixTimeMilliseconds(), UnixMilliseconds(id.Value));
    }

    [Fact]
    public void Ids_from_a_later_clock_sort_after_earlier_ones()
    {
        var earlier = Create(new FixedClock(Noon));
        var later = Create(new FixedClock(Noon.AddMilliseconds(1)));

        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
        Assert.True(earlier.Value.CompareTo(later.Value) < 0);
    }

    [Fact]
    public void Text_is_the_lower_case_d_format_and_round_trips()
    {
        Gen.Guid.Where(g => g != Guid.Empty).Sample(guid =>
        {
            var id = TId.From(guid);
            var text = id.ToString()!;
            return text == guid.ToString("D") && Parse(text).Equals(id) && TryParse(text, out var parsed) && parsed.Equals(id);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{0190a6b2-4c1e-7d3a-9f00-2b6c8d1e4f5a}")]
    [InlineData("0190a6b24c1e7d3a9f002b6c8d1e4f5a")]
    [InlineData(" 0190a6b2-4c1e-7d3a-9f00-2b6c8d1e4f5a")]
    public void Parse_refuses_anything_but_a_non_empty_d_format_guid(string text)
    {
        Assert.False(TryParse(text, out _));
        Assert.Throws<FormatException>(() => Parse(text));
    }

    [Fact]
    public void The_empty_guid_is_not_an_id()
    {
        Assert.Throws<ArgumentException>(() => TId.From(Guid.Empty));
        Assert.False(TryParse(null, out _));
    }

    [Fact]
    public void Ids_obey_the_value_laws()
    {
        var guid = Guid.CreateVersion7(Noon);
        ValueLaws.Equality(TId.From(guid), Parse(guid.ToString("D")), Create(new FixedClock(Noon)));
    }

    private static long UnixMilliseconds(Guid guid)
    {
        // The first 48 bits of a version 7 GUID (big-endian) are the Unix time in milliseconds.
        var bytes = guid.ToByteArray(bigEndian: true);
        long milliseconds = 0;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        return milliseconds;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class OrganisationIdTests : TypedIdTests<OrganisationId>
{
    protected override OrganisationId Create(TimeProvider clock) => OrganisationId.New(clock);

    protected override OrganisationId Parse(string text) => OrganisationId.Parse(text);

    protected override bool TryParse(string? text, out OrganisationId id) => OrganisationId.TryParse(text, out id);
}

public sealed class UserIdTests : TypedIdTests<UserId>
{
    protected override UserId Create(TimeProvider clock) => UserId.New(clock);

    protected override UserId Parse(string text) => UserId.Parse(text);

    protected override bool TryParse(string? text, out UserId id) => UserId.TryParse(text, out id);
}

public sealed class ApiKeyIdTests : TypedIdTests<ApiKeyId>
{
    protected override ApiKeyId Create(TimeProvider clock) => ApiKeyId.New(clock);

    protected override ApiKeyId Parse(string text) => ApiKeyId.Parse(text);

    protected override bool TryParse(string? text, out ApiKeyId id) => ApiKeyId.TryParse(text, out id);
}

public sealed class AwsAccessKeyIdTests : TypedIdTests<AwsAccessKeyId>
{
    protected override AwsAccessKeyId Create(TimeProvider clock) => AwsAccessKeyId.New(clock);

    protected override AwsAccessKeyId Parse(string text) => AwsAccessKeyId.Parse(text);

    protected override bool TryParse(string? text, out AwsAccessKeyId id) => AwsAccessKeyId.TryParse(text, out id);
}

public sealed class ProductIdTests : TypedIdTests<ProductId>
{
    protected override ProductId Create(TimeProvider clock) => ProductId.New(clock);

    protected override ProductId Parse(string text) => ProductId.Parse(text);

    protected override bool TryParse(string? text, out ProductId id) => ProductId.TryParse(text, out id);
}

public sealed class CategoryIdTests : TypedIdTests<CategoryId>
{
    protected override CategoryId Create(TimeProvider clock) => CategoryId.New(clock);

    protected override CategoryId Parse(string text) => CategoryId.Parse(text);

    protected override bool TryParse(string? text, out CategoryId id) => CategoryId.TryParse(text, out id);
}

public sealed class OperatorEntityIdTests : TypedIdTests<OperatorEntityId>
{
    protected override OperatorEntityId Create(TimeProvider clock) => OperatorEntityId.New(clock);

    protected override OperatorEntityId Parse(string text) => OperatorEntityId.Parse(text);

    protected override bool TryParse(string? text, out OperatorEntityId id) => OperatorEntityId.TryParse(text, out id);
}

public sealed class SellerEntityIdTests : TypedIdTests<SellerEntityId>
{
    protected override SellerEntityId Create(TimeProvider clock) => SellerEntityId.New(clock);

    protected override SellerEntityId Parse(string text) => SellerEntityId.Parse(text);

    protected override bool TryParse(string? text, out SellerEntityId id) => SellerEntityId.TryParse(text, out id);
}

public sealed class BankAccountIdTests : TypedIdTests<BankAccountId>
{
    protected override BankAccountId Create(TimeProvider clock) => BankAccountId.New(clock);

    protected override BankAccountId Parse(string text) => BankAccountId.Parse(text);

    protected override bool TryParse(string? text, out BankAccountId id) => BankAccountId.TryParse(text, out id);
}

public sealed class RoutingRuleIdTests : TypedIdTests<RoutingRuleId>
{
    protected override RoutingRuleId Create(TimeProvider clock) => RoutingRuleId.New(clock);

    protected override RoutingRuleId Parse(string text) => RoutingRuleId.Parse(text);

    protected override bool TryParse(string? text, out RoutingRuleId id) => RoutingRuleId.TryParse(text, out id);
}

public sealed class PlanIdTests : TypedIdTests<PlanId>
{
    protected override PlanId Create(TimeProvider clock) => PlanId.New(clock);

    protected override PlanId Parse(string text) => PlanId.Parse(text);

    protected override bool TryParse(string? text, out PlanId id) => PlanId.TryParse(text, out id);
}

public sealed class MediaIdTests : TypedIdTests<MediaId>
{
    protected override MediaId Create(TimeProvider clock) => MediaId.New(clock);

    protected override MediaId Parse(string text) => MediaId.Parse(text);

    protected override bool TryParse(string? text, out MediaId id) => MediaId.TryParse(text, out id);
}

public sealed class UsageRecordIdTests : TypedIdTests<UsageRecordId>
{
    protected override UsageRecordId Create(TimeProvider clock) => UsageRecordId.New(clock);

    protected override UsageRecordId Parse(string text) => UsageRecordId.Parse(text);

    protected override bool TryParse(string? text, out UsageRecordId id) => UsageRecordId.TryParse(text, out id);
}

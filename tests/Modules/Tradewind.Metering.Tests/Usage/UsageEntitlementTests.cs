using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Usage;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Tests.Usage;

public sealed class UsageEntitlementTests
{
    private static readonly OrganisationId Seller = new(Guid.CreateVersion7());
    private static readonly ProductId Product = new(Guid.CreateVersion7());
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static MeteringAgreement Agreement(AgreementStatus status = AgreementStatus.Active, DateTimeOffset? until = null, DateTimeOffset? entitledUntil = null)
    {
        var id = new AgreementId(Guid.CreateVersion7());
        return new MeteringAgreement(id, status, Start, until, ["requests", "gigabytes"],
            [new EntitlementDto(id, "cust", "prod", "requests", null, true, Start, entitledUntil)], null);
    }

    private static MeteringCustomer Customer(params MeteringAgreement[] agreements) =>
        new("cust", Product, Seller, new OrganisationId(Guid.CreateVersion7()), "Buyer", agreements);

    private static string? Code(MeteringCustomer? customer, DateTimeOffset at, string dimension = "requests", OrganisationId? seller = null, ProductId? product = null) =>
        UsageEntitlement.Judge(new UsageRecordInput("cust", null, dimension, 1, at), customer, seller ?? Seller, product).Problem?.Code;

    [Fact]
    public void An_active_agreement_entitles_its_dimension_from_its_start()
    {
        var customer = Customer(Agreement());
        Assert.Null(Code(customer, Start));
        Assert.Equal(UsageRejection.NotEntitled, Code(customer, Start.AddTicks(-1)));
    }

    [Fact]
    public void Another_sellers_customer_is_as_unknown_as_a_missing_one()
    {
        Assert.Equal(UsageRejection.UnknownCustomer, Code(null, Start));
        Assert.Equal(UsageRejection.UnknownCustomer, Code(Customer(Agreement()), Start, seller: new OrganisationId(Guid.CreateVersion7())));
    }

    [Fact]
    public void A_named_product_must_be_the_customers()
    {
        Assert.Equal(UsageRejection.WrongProduct, Code(Customer(Agreement()), Start, product: new ProductId(Guid.CreateVersion7())));
        Assert.Null(Code(Customer(Agreement()), Start, product: Product));
    }

    [Fact]
    public void A_dimension_outside_the_plan_is_unknown_and_one_without_an_entitlement_is_not_entitled()
    {
        Assert.Equal(UsageRejection.UnknownDimension, Code(Customer(Agreement()), Start, "cpu"));
        Assert.Equal(UsageRejection.NotEntitled, Code(Customer(Agreement()), Start, "gigabytes"));
    }

    [Fact]
    public void An_ended_agreement_covers_records_until_its_end_and_a_suspended_one_none()
    {
        var end = Start.AddDays(10);
        Assert.Null(Code(Customer(Agreement(AgreementStatus.Cancelled, end)), end.AddTicks(-1)));
        Assert.Equal(UsageRejection.NotEntitled, Code(Customer(Agreement(AgreementStatus.Cancelled, end)), end));
        Assert.Equal(UsageRejection.NotEntitled, Code(Customer(Agreement(AgreementStatus.Suspended)), Start.AddDays(1)));
        Assert.Equal(UsageRejection.NotEntitled, Code(Customer(Agreement(entitledUntil: Start.AddDays(1))), Start.AddDays(1)));
    }
}

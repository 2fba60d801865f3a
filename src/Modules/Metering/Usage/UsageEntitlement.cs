using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>
/// Whether a customer may be metered for a record: the customer is the seller's (another seller's customer answers
/// exactly like an unknown one, so no tenant learns about another's), of the named product, the dimension is in the
/// plan, and an agreement was in force at the record's timestamp, is not suspended now, and entitles the dimension then.
/// </summary>
internal static class UsageEntitlement
{
    public static (UsageProblem? Problem, MeteringAgreement? Agreement) Judge(UsageRecordInput record, MeteringCustomer? customer, OrganisationId sellerId, ProductId? productId)
    {
        if (customer is null || customer.SellerId != sellerId)
        {
            return (new(UsageRejection.UnknownCustomer, "No customer of yours has this identifier or agreement."), null);
        }

        if (productId is { } product && customer.ProductId != product)
        {
            return (new(UsageRejection.WrongProduct, "The customer subscribes to another of your products."), null);
        }

        var dimension = record.Dimension;
        var t = record.Timestamp;
        if (!customer.Agreements.Any(a => a.Dimensions.Contains(dimension, StringComparer.Ordinal)))
        {
            return (new(UsageRejection.UnknownDimension, "The customer's plan has no dimension with this key."), null);
        }

        var agreement = record.AgreementId is { } id
            ? customer.Agreements.FirstOrDefault(a => a.AgreementId == id && InForce(a, t))
            : customer.Agreements.LastOrDefault(a => InForce(a, t));
        if (agreement is null)
        {
            return (new(UsageRejection.NotEntitled, "The customer had no agreement in force at the record's timestamp."), null);
        }

        if (!agreement.Dimensions.Contains(dimension, StringComparer.Ordinal))
        {
            return (new(UsageRejection.UnknownDimension, "The customer's plan at that time has no dimension with this key."), null);
        }

        if (agreement.Status == AgreementStatus.Suspended)
        {
            return (new(UsageRejection.NotEntitled, "The customer's agreement is suspended."), null);
        }

        if (!agreement.Entitlements.Any(e => string.Equals(e.Dimension, dimension, StringComparison.Ordinal) && e.ValidFrom <= t && (e.ValidTo is null || t < e.ValidTo)))
        {
            return (new(UsageRejection.NotEntitled, "The customer had no entitlement to this dimension at the record's timestamp."), null);
        }

        return (null, agreement);
    }

    /// <summary>In force in <c>[From, Until)</c>.</summary>
    public static bool InForce(MeteringAgreement agreement, DateTimeOffset t) => agreement.From <= t && (agreement.Until is null || t < agreement.Until);
}

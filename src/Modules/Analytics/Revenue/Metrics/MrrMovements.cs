namespace Tradewind.Analytics.Revenue.Metrics;

/// <summary>
/// The five MRR movements of a period, each a non-negative amount in minor units of one currency, and the MRR at its
/// start and end. Invariant: <c>New + Expansion + Reactivation − Contraction − Churn = End − Start</c>.
/// </summary>
internal sealed record MrrMovements(long Start, long End, long NewBusiness, long Expansion, long Contraction, long Churn, long Reactivation)
{
    /// <summary>New + Expansion + Reactivation − Contraction − Churn.</summary>
    public long NetNew => checked(NewBusiness + Expansion + Reactivation - Contraction - Churn);

    public long Amount(MrrMovementKind kind) => kind switch
    {
        MrrMovementKind.NewBusiness => NewBusiness,
        MrrMovementKind.Expansion => Expansion,
        MrrMovementKind.Contraction => Contraction,
        MrrMovementKind.Churn => Churn,
        MrrMovementKind.Reactivation => Reactivation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

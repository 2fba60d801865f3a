namespace Tradewind.Analytics.Revenue.Metrics;

/// <summary>
/// How one customer's MRR moved over a period (spec: plg-and-localization §1.2.4). A customer is a buyer organisation
/// per seller and currency; committed and PAYG MRR are classified each on their own.
/// </summary>
internal enum MrrMovementKind
{
    /// <summary>The customer pays for the first time (MRR 0 → &gt; 0, never paid before).</summary>
    NewBusiness,

    /// <summary>An existing payer's MRR rose.</summary>
    Expansion,

    /// <summary>An existing payer's MRR fell but stayed above 0.</summary>
    Contraction,

    /// <summary>The customer's MRR fell to 0 (its last paid agreement ended).</summary>
    Churn,

    /// <summary>A customer who had paid before, and had churned, pays again.</summary>
    Reactivation,
}

/// <summary>The stable codes of <see cref="MrrMovementKind"/> used in storage, the API and CSV.</summary>
internal static class MrrMovementCodes
{
    public static string Code(this MrrMovementKind kind) => kind switch
    {
        MrrMovementKind.NewBusiness => "new_business",
        MrrMovementKind.Expansion => "expansion",
        MrrMovementKind.Contraction => "contraction",
        MrrMovementKind.Churn => "churn",
        MrrMovementKind.Reactivation => "reactivation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

namespace Tradewind.Payments.Collections;

/// <summary>
/// Dunning of overdue invoices (configuration section <c>Payments:Dunning</c>). Days count from the invoice's due date:
/// on each of <see cref="RetryDays"/> the buyer is reminded and its saved card (if any) is charged again; after
/// <see cref="SuspendAfterDays"/> the agreements the invoice bills are suspended until it is paid.
/// </summary>
internal sealed class DunningOptions
{
    public const string Section = "Payments:Dunning";

    public int[] RetryDays { get; set; } = [1, 3, 7];

    public int SuspendAfterDays { get; set; } = 14;

    public DunningJobOptions Job { get; set; } = new();
}

internal sealed class DunningJobOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron (UTC): every hour at :50, after the billing catch-up run at :40.</summary>
    public string Cron { get; set; } = "0 50 * * * ?";
}

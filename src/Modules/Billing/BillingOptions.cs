namespace Tradewind.Billing;

/// <summary>Settings under <c>Billing</c>.</summary>
internal sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>Days from the issue date to the due date of an invoice.</summary>
    public int PaymentTermDays { get; set; } = 30;

    /// <summary>
    /// How many months back a run looks for agreements that ended (their last period may still be unbilled) and for late
    /// usage of billed periods. Usage older than that is not billed (Kill Bill re-rates the last two periods by default).
    /// </summary>
    public int LookbackMonths { get; set; } = 3;

    /// <summary>Agreements rated per page of a run.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>The product tax code of marketplace SaaS lines.</summary>
    public string TaxCode { get; set; } = "saas";

    public BillingJobOptions Job { get; set; } = new();
}

/// <summary>The scheduled billing run (<c>Billing:Job</c>).</summary>
internal sealed class BillingJobOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron (UTC) of the run after each month starts: 00:15 on the 1st.</summary>
    public string MonthlyCron { get; set; } = "0 15 0 1 * ?";

    /// <summary>Quartz cron (UTC) of the catch-up run: every hour at :40.</summary>
    public string CatchUpCron { get; set; } = "0 40 * * * ?";
}

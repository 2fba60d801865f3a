namespace Tradewind.Payments.Payouts;

/// <summary>
/// Payout settings (configuration section <c>Payments:Payouts</c>). A balance becomes payable <see cref="HoldDays"/>
/// after the buyer's payment cleared (the refund window); a payout is made when the available balance reaches the
/// currency's minimum (<see cref="Minimums"/>, major units, e.g. <c>"EUR": 10</c>; a currency not listed pays any
/// positive balance).
/// </summary>
internal sealed class PayoutOptions
{
    public const string Section = "Payments:Payouts";

    public int HoldDays { get; set; } = 7;

    public Dictionary<string, decimal> Minimums { get; set; } = new(StringComparer.Ordinal);

    public PayoutJobOptions Job { get; set; } = new();

    public TimeSpan Hold => TimeSpan.FromDays(HoldDays);
}

/// <summary>The scheduled payout run: hourly when enabled (each run pays only what is due, once per period).</summary>
internal sealed class PayoutJobOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expression, UTC. Default: at minute 20 of every hour.</summary>
    public string Cron { get; set; } = "0 20 * * * ?";
}

namespace Tradewind.Payments.ExchangeRates;

/// <summary>Settings under <c>Payments:Fx</c>.</summary>
internal sealed class FxOptions
{
    public const string Section = "Payments:Fx";
    public const string HttpClientName = "Tradewind.Payments.Ecb";

    /// <summary>
    /// Where "Import now" downloads the ECB reference rates, e.g.
    /// <c>https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml</c>. Empty: only file uploads are possible.
    /// </summary>
    public string? EcbUrl { get; set; }
}

namespace Tradewind.Web.Demo;

/// <summary>
/// The demo's exchange rates: ten TARGET business days of November 2026 in the exact format of the ECB's
/// <c>eurofxref-hist-90d.xml</c> (29 currencies; Bulgaria joined the euro on 1 January 2026, so no BGN).
/// The values are plausible, not the ECB's: the demo must run offline.
/// </summary>
internal static class DemoExchangeRates
{
    public const string FileName = "ecb-eurofxref-hist-90d.xml";

    public static Stream Open() =>
        typeof(DemoExchangeRates).Assembly.GetManifestResourceStream($"Tradewind.Web.Demo.{FileName}")
            ?? throw new InvalidOperationException($"The embedded {FileName} is missing from the build.");
}

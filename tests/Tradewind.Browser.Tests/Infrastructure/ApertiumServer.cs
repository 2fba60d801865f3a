namespace Tradewind.Browser.Tests.Infrastructure;

/// <summary>The Apertium APY server test.sh starts (<c>TRADEWIND_APY_URL</c>), for the translated-listing tests.</summary>
public static class ApertiumServer
{
    public static string? Url => Environment.GetEnvironmentVariable("TRADEWIND_APY_URL") is { Length: > 0 } url ? url : null;

    /// <summary>Fails in CI and skips locally (with the reason) when no APY server is configured.</summary>
    public static void Require()
    {
        if (Url is not null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("TRADEWIND_APY_URL is not set: CI must run Apertium APY (test.sh starts it).");
        }

        Assert.Skip("TRADEWIND_APY_URL is not set; start apertium-apy (see docs/translation.md) to run the Apertium tests.");
    }
}

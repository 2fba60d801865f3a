using Tradewind.Contracts.Localization;
using Tradewind.Localization.Engines;
using Tradewind.Localization.Masking;

namespace Tradewind.Localization.Tests;

/// <summary>
/// Against a real Apertium APY server (Debian <c>apertium-apy</c> + <c>apertium-eng-spa</c>) at <c>TRADEWIND_APY_URL</c>;
/// <c>test.sh</c> starts one. In CI (<c>CI=true</c>) a missing server fails the test; locally it is skipped with the reason.
/// </summary>
public sealed class ApertiumApyTests
{
    internal static string? ApyUrl()
    {
        var url = Environment.GetEnvironmentVariable("TRADEWIND_APY_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("TRADEWIND_APY_URL is not set: CI must run Apertium APY (test.sh starts it).");
            }

            Assert.Skip("TRADEWIND_APY_URL is not set; start apertium-apy (see docs/translation.md) to run the Apertium tests.");
        }

        return url;
    }

    [Fact]
    public async Task APY_translates_a_listing_from_English_to_Spanish_with_its_names_and_numbers_intact()
    {
        var engine = EngineContractTests.Engines(("apy", EngineKind.Apertium, ApyUrl()!, null, null), "en-es").For("en", "es")!;
        var cancellationToken = TestContext.Current.CancellationToken;
        string[] terms = ["Northwind Metrics"];
        string[] sources = ["Northwind Metrics helps teams share reports.", "Our support team is available in your language for 24 hours."];
        var masked = sources.Select(s => SegmentMasker.Mask(s, terms)).ToList();

        var output = await engine.TranslateAsync(masked.Select(m => m.Text).ToList(), "en", "es", TranslationOptions.PlainText, cancellationToken);
        var spanish = output.Select((o, i) => SegmentMasker.Unmask(o, masked[i].Originals)).ToList();

        Assert.All(output.Select((o, i) => TranslationValidator.CheckSegment(masked[i], o)), Assert.Null);
        Assert.StartsWith("Northwind Metrics", spanish[0], StringComparison.Ordinal);
        Assert.Contains("equipos", spanish[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("informes", spanish[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nuestro equipo de apoyo", spanish[1], StringComparison.Ordinal);
        Assert.Contains("24", spanish[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APY_reports_its_installed_pairs()
    {
        var engine = EngineContractTests.Engines(("apy", EngineKind.Apertium, ApyUrl()!, null, null), "*").For("en", "es")!;
        var cancellationToken = TestContext.Current.CancellationToken;

        Assert.True(await engine.SupportsAsync("en", "es", cancellationToken));
        Assert.False(await engine.SupportsAsync("en", "ja", cancellationToken));
    }

    [Fact]
    public async Task Markup_characters_reach_APY_escaped_and_come_back_as_written()
    {
        var engine = EngineContractTests.Engines(("apy", EngineKind.Apertium, ApyUrl()!, null, null), "en-es").For("en", "es")!;

        var output = await engine.TranslateAsync(["Reports & dashboards <for> teams"], "en", "es", TranslationOptions.PlainText, TestContext.Current.CancellationToken);

        Assert.Contains("&", output[0], StringComparison.Ordinal);
        Assert.Contains("<", output[0], StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", output[0], StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Legal;
using Tradewind.Web.Legal;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

/// <summary>The host reading standard-contract texts from a directory the tests write: two versions, a French translation.</summary>
public sealed class StandardContractApp : TradewindApp
{
    public static readonly string Current = StandardContract.CurrentVersion;
    public const string Earlier = "2025-01";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "tradewind-contract-" + Guid.NewGuid().ToString("N"));

    public StandardContractApp()
    {
        Write(Current, "en", "# Standard Contract for SaaS\n\n## 1. Scope\n\nThese terms govern the **subscription**.\n");
        Write(Current, "fr", "# Contrat standard SaaS\n\n## 1. Objet\n\nLes présentes conditions régissent l’**abonnement**.\n");
        Write(Earlier, "en", "# Standard Contract (2025)\n\nEarlier terms.\n<script>alert(1)</script>\n");
        // Not a version name: never read.
        Write("latest", "en", "# Not a version\n");
    }

    public byte[] Bytes(string version, string language) => File.ReadAllBytes(Path.Combine(Directory, version, language + ".md"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Legal:StandardContractDirectory", Directory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void Write(string version, string language, string text)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, version));
        File.WriteAllText(Path.Combine(Directory, version, language + ".md"), text);
    }
}

public sealed class StandardContractPageTests(StandardContractApp app) : IClassFixture<StandardContractApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_French_reader_gets_the_French_text_a_note_that_English_governs_and_a_link_to_it()
    {
        var (response, page) = await app.CreateClient().GetPageAsync("/legal/standard-contract", _ct, acceptLanguage: "fr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr", page.Lang());
        Assert.Equal("Contrat standard SaaS", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("fr", page.QuerySelector("article.legal-text")!.GetAttribute("lang"));
        Assert.Equal("1. Objet", page.QuerySelector("article.legal-text h2")!.TextContent);
        var note = page.QuerySelector("[role=note]")!;
        Assert.Contains("Le texte anglais fait foi.", note.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/legal/standard-contract/{StandardContractApp.Current}?language=en", note.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(app.Bytes(StandardContractApp.Current, "fr"))), page.QuerySelector("code.fingerprint")!.TextContent);
    }

    [Fact]
    public async Task The_English_text_is_shown_on_request_under_a_French_page()
    {
        var (_, page) = await app.CreateClient().GetPageAsync($"/fr/legal/standard-contract/{StandardContractApp.Current}?language=en", _ct);

        Assert.Equal("fr", page.Lang());
        Assert.Equal("Standard Contract for SaaS", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", page.QuerySelector("article.legal-text")!.GetAttribute("lang"));
        Assert.Null(page.QuerySelector("[role=note]"));
    }

    [Fact]
    public async Task A_language_without_a_text_falls_back_to_English_and_says_so()
    {
        var (_, page) = await app.CreateClient().GetPageAsync("/es/legal/standard-contract", _ct);

        Assert.Equal("es", page.Lang());
        Assert.Equal("Standard Contract for SaaS", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", page.QuerySelector("article.legal-text")!.GetAttribute("lang"));
        Assert.Contains("se muestra el texto en inglés", page.QuerySelector("[role=note]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_version_is_listed_and_an_earlier_one_says_which_version_applies_today()
    {
        var (response, page) = await app.CreateClient().GetPageAsync($"/legal/standard-contract/{StandardContractApp.Earlier}", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Standard Contract (2025)", page.QuerySelector("h1")!.TextContent);
        Assert.Contains($"use version {StandardContractApp.Current}", page.QuerySelector("[role=note]")!.TextContent, StringComparison.Ordinal);
        var versions = page.QuerySelectorAll(".legal-aside a[href^='/legal/standard-contract/']:not([hreflang])").Select(a => a.TextContent).ToList();
        Assert.Equal([StandardContractApp.Current, StandardContractApp.Earlier], versions);
        // Raw HTML in the Markdown is not rendered.
        Assert.Null(page.QuerySelector("article.legal-text script"));
    }

    [Theory]
    [InlineData("/legal/standard-contract/1999-01")]
    [InlineData("/legal/standard-contract/latest")]
    [InlineData("/legal/standard-contract/..%2F..%2Fetc")]
    public async Task An_unknown_version_is_not_found(string url)
    {
        var response = await app.CreateClient().GetAsync(url, _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_service_gives_what_an_agreement_records_version_language_title_and_the_hash_of_the_exact_text()
    {
        var texts = app.Services.GetRequiredService<IStandardContractTexts>();

        var french = texts.Find(StandardContractApp.Current, "fr")!;
        var korean = texts.Find(StandardContractApp.Current, "ko")!;

        Assert.Equal((StandardContractApp.Current, "fr", "Contrat standard SaaS", false), (french.Version, french.Language, french.Title, french.IsFallback));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(app.Bytes(StandardContractApp.Current, "fr"))), french.Sha256);
        Assert.Equal(("en", "ko", true), (korean.Language, korean.RequestedLanguage, korean.IsFallback));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(app.Bytes(StandardContractApp.Current, "en"))), korean.Sha256);
        Assert.Equal(["en", "fr"], texts.Languages(StandardContractApp.Current));
        Assert.Null(texts.Find("1999-01", "en"));
        Assert.Equal(CultureInfo.InvariantCulture.CompareInfo.Compare(StandardContractApp.Current, StandardContractApp.Earlier, CompareOptions.Ordinal) > 0, texts.Versions()[0] == StandardContractApp.Current);
    }
}

using Tradewind.Catalog.Listings;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Tests.Listings;

public sealed class ListingRulesTests
{
    private static readonly CategoryId Observability = CategoryId.From(Guid.CreateVersion7());
    private static readonly Dictionary<string, CategoryId> Categories = new(StringComparer.Ordinal) { ["observability"] = Observability };

    private static ListingInput Valid => new(
        "Pipeline Pilot", "Ship faster.", "## Why\n\nBecause.", ["Fast", "Safe"], ["observability"], ["ci", "pipelines"],
        new SupportContact("help@example.com", "https://example.com/help"), "https://example.com/signup", new Availability(["ir", "KP"]), Licence.Standard);

    private static ListingContent Read(ListingInput input) => ListingRules.Read(input, Categories, null, new Dictionary<MediaId, MediaKind>());

    private static IReadOnlyDictionary<string, string[]> Errors(ListingInput input) => Assert.Throws<ValidationFailedException>(() => Read(input)).Errors;

    [Fact]
    public void A_complete_listing_is_read_with_countries_normalised()
    {
        var content = Read(Valid);

        Assert.Equal([Observability], content.Categories);
        Assert.Equal(["IR", "KP"], content.ExcludedCountries);
        Assert.Empty(content.Gaps());
    }

    [Theory]
    [InlineData("pipeline pilot")]
    [InlineData("PIPELINE PILOT")]
    public void A_keyword_may_not_repeat_the_title_in_any_case(string keyword)
    {
        Assert.Contains("keywords", Errors(Valid with { Keywords = [keyword] }).Keys);
    }

    [Fact]
    public void At_most_three_keywords_of_250_characters_together()
    {
        Assert.Contains("keywords", Errors(Valid with { Keywords = ["a", "b", "c", "d"] }).Keys);
        Assert.Contains("keywords", Errors(Valid with { Keywords = [new string('k', 200), new string('x', 51)] }).Keys);
        Read(Valid with { Keywords = [new string('k', 200), new string('x', 50)] });
    }

    [Theory]
    [InlineData("Hello <script>alert(1)</script>")]
    [InlineData("<SCRIPT src=x>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"#\" onClick = \"steal()\">x</a>")]
    public void Script_in_the_long_description_is_refused(string markdown)
    {
        Assert.Contains("longDescription", Errors(Valid with { LongDescription = markdown }).Keys);
    }

    [Theory]
    [InlineData("Runs online = always on, and <b>bold</b> is fine.")]
    [InlineData("Turn notifications on = off in settings.")]
    public void Ordinary_text_that_mentions_on_is_accepted(string markdown)
    {
        Read(Valid with { LongDescription = markdown });
    }

    [Theory]
    [InlineData("http://example.com/signup", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("/relative", false)]
    [InlineData("https://example.com/signup", true)]
    [InlineData("http://localhost:5000/signup", true)]
    [InlineData("http://127.0.0.1/signup", true)]
    public void The_fulfilment_url_is_https_or_http_on_localhost(string url, bool accepted)
    {
        if (accepted)
        {
            Read(Valid with { FulfilmentUrl = url });
        }
        else
        {
            Assert.Contains("fulfilmentUrl", Errors(Valid with { FulfilmentUrl = url }).Keys);
        }
    }

    [Fact]
    public void Field_limits_name_the_field()
    {
        Assert.Contains("shortDescription", Errors(Valid with { ShortDescription = new string('s', 351) }).Keys);
        Assert.Contains("highlights", Errors(Valid with { Highlights = ["a", "b", "c", "d"] }).Keys);
        Assert.Contains("categories", Errors(Valid with { Categories = ["nope"] }).Keys);
        Assert.Contains("availability.excludedCountries", Errors(Valid with { Availability = new Availability(["XX"]) }).Keys);
        Assert.Contains("support.email", Errors(Valid with { Support = new SupportContact("not-an-email", null) }).Keys);
        Assert.Contains("licence.terms", Errors(Valid with { Licence = new Licence(LicenceKind.Custom, "") }).Keys);
        Assert.Contains("licence.terms", Errors(Valid with { Licence = new Licence(LicenceKind.Custom, new string('t', 100_001)) }).Keys);
    }

    [Fact]
    public void A_draft_may_lack_what_submission_needs_and_says_what()
    {
        var content = Read(new ListingInput("Pipeline Pilot", null, null, null, null, null, null, null, null, null));

        Assert.Equal(["categories", "fulfilmentUrl", "shortDescription"], content.Gaps().Keys.Order(StringComparer.Ordinal));
    }
}

using System.Text;
using Tradewind.Tax.Rates;

namespace Tradewind.Tax.Tests.Rates;

public sealed class RateBookTests
{
    private static readonly RateBook Book = RateBook.Embedded();

    /// <summary>Every jurisdiction tax.md covers (§1–§5) plus the dated changes of §0.</summary>
    public static TheoryData<string> TaxMdJurisdictions => new(
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "GB", "NO", "CH", "LI", "IS", "JP", "KR", "AU", "NZ", "SG", "IN", "TW", "MY", "ID", "CA", "US", "BR", "MX", "CL", "CO", "SA", "AE", "ZA", "TR", "IL", "KZ", "MD", "LA");

    [Theory]
    [MemberData(nameof(TaxMdJurisdictions))]
    public void Every_jurisdiction_in_tax_md_has_a_profile_and_rows(string country)
    {
        Assert.True(Book.Jurisdictions.ContainsKey(country));
        Assert.Contains(Book.Rates, r => r.Jurisdiction.StartsWith(country, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_US_state_and_DC_has_a_SaaS_row_today()
    {
        var states = Primitives.Geography.Countries.All.Single(c => c.Code.Value == "US").Subdivisions
            .Select(s => s.Code.Value)
            .Where(s => s.Length == 5 && s is not "US-AS" and not "US-GU" and not "US-MP" and not "US-PR" and not "US-UM" and not "US-VI")
            .ToList();

        Assert.Equal(51, states.Count);
        Assert.All(states, s => Assert.NotEmpty(Book.Find(s, "saas", false, new DateOnly(2026, 11, 27))));
    }

    [Fact]
    public void Every_row_names_its_source() =>
        Assert.All(Book.Rates, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));

    [Fact]
    public void Overlapping_periods_for_the_same_jurisdiction_type_and_code_stop_the_start_up()
    {
        var json = File(
            """{ "jurisdiction": "DE", "taxType": "VAT", "rate": "0.19", "from": null, "to": null, "taxCodes": ["saas"], "buyers": "all", "treatment": "standard", "source": "a" }""",
            """{ "jurisdiction": "DE", "taxType": "VAT", "rate": "0.16", "from": "2020-07-01", "to": "2020-12-31", "taxCodes": ["saas"], "buyers": "all", "treatment": "standard", "source": "b" }""");

        var error = Assert.Throws<InvalidDataException>(() => RateBook.Load(json));
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adjacent_periods_load()
    {
        var json = File(
            """{ "jurisdiction": "DE", "taxType": "VAT", "rate": "0.16", "from": "2020-07-01", "to": "2020-12-31", "taxCodes": ["saas"], "buyers": "all", "treatment": "standard", "source": "b" }""",
            """{ "jurisdiction": "DE", "taxType": "VAT", "rate": "0.19", "from": "2021-01-01", "to": null, "taxCodes": ["saas"], "buyers": "all", "treatment": "standard", "source": "a" }""");

        var book = RateBook.Load(json);
        Assert.Equal(0.16m, Assert.Single(book.Find("DE", "saas", false, new DateOnly(2020, 12, 31))).Rate);
        Assert.Equal(0.19m, Assert.Single(book.Find("DE", "saas", false, new DateOnly(2021, 1, 1))).Rate);
    }

    [Theory]
    [InlineData("\"rate\": \"0.19\"", "\"rate\": \"1.5\"", "not a decimal in [0, 1)")]
    [InlineData("\"source\": \"a\"", "\"source\": \"\"", "source is missing")]
    [InlineData("\"taxCodes\": [\"saas\"]", "\"taxCodes\": [\"hardware\"]", "taxCodes must name")]
    [InlineData("\"jurisdiction\": \"DE\"", "\"jurisdiction\": \"XX\"", "not an ISO 3166")]
    public void A_bad_row_stops_the_start_up(string good, string bad, string message)
    {
        var row = """{ "jurisdiction": "DE", "taxType": "VAT", "rate": "0.19", "from": null, "to": null, "taxCodes": ["saas"], "buyers": "all", "treatment": "standard", "source": "a" }""";

        var error = Assert.Throws<InvalidDataException>(() => RateBook.Load(File(row.Replace(good, bad, StringComparison.Ordinal))));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static MemoryStream File(params string[] rows) => new(Encoding.UTF8.GetBytes($$"""
        {
          "schema": "tradewind.tax-rates/1",
          "version": "test",
          "coverage": { "from": "2020-01-01", "to": "2027-12-31" },
          "taxCodes": { "saas": "SaaS" },
          "jurisdictions": [ { "country": "DE", "group": "eu", "returnCurrency": "EUR", "b2b": "reverse_charge", "rounding": "per_line" } ],
          "rates": [ {{string.Join(",", rows)}} ]
        }
        """));
}

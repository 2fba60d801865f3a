using System.Text;
using Tradewind.Payments.ExchangeRates;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.ExchangeRates;

public sealed class EcbReferenceRatesTests
{
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
        <gesmes:subject>Reference rates</gesmes:subject>
        """;

    [Fact]
    public void The_daily_file_is_one_day_of_euro_rates()
    {
        using var file = File.OpenRead(Files.Daily);

        var publication = Assert.Single(EcbReferenceRates.Parse(file));

        Assert.Equal(new DateOnly(2026, 11, 26), publication.Date);
        Assert.Equal(29, publication.Rates.Count);
        Assert.Contains((Currency.USD, 1.1467m), publication.Rates);
        Assert.Contains((Currency.JPY, 181.06m), publication.Rates);
        Assert.DoesNotContain(publication.Rates, r => r.Currency.Code == "BGN");
    }

    [Fact]
    public void The_history_file_holds_business_days_oldest_first()
    {
        using var file = File.OpenRead(Files.History);

        var publications = EcbReferenceRates.Parse(file);

        Assert.Equal(10, publications.Count);
        Assert.Equal(new DateOnly(2026, 11, 13), publications[0].Date);
        Assert.Equal(new DateOnly(2026, 11, 26), publications[^1].Date);
        Assert.All(publications, p => Assert.True(p.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        Assert.Equal(publications.Select(p => p.Date).Order(), publications.Select(p => p.Date));
    }

    [Fact]
    public void Rates_are_read_with_the_invariant_culture_whatever_the_current_one()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var day = Assert.Single(Parse("<Cube><Cube time='2026-11-20'><Cube currency='USD' rate='1.1659'/></Cube></Cube>"));
            Assert.Equal(1.1659m, day.Rates[0].Rate);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("<Cube><Cube time='2026-11-20'><Cube currency='XYZ' rate='1.5'/></Cube></Cube>", "'XYZ' on 2026-11-20")]
    [InlineData("<Cube><Cube time='2026-11-20'><Cube currency='EUR' rate='1'/></Cube></Cube>", "'EUR' on 2026-11-20")]
    [InlineData("<Cube><Cube time='2026-11-20'><Cube currency='USD' rate='-1.16'/></Cube></Cube>", "not a positive decimal")]
    [InlineData("<Cube><Cube time='2026-11-20'><Cube currency='USD' rate='0'/></Cube></Cube>", "not a positive decimal")]
    [InlineData("<Cube><Cube time='2026-11-20'><Cube currency='USD' rate='1,16'/></Cube></Cube>", "not a positive decimal")]
    [InlineData("<Cube><Cube time='2026-11-20'><Cube currency='USD' rate='1e3'/></Cube></Cube>", "not a positive decimal")]
    [InlineData("<Cube><Cube time='2026-11-20'><Cube currency='USD' rate='1.12345678901'/></Cube></Cube>", "at most 10 digits")]
    [InlineData("<Cube><Cube><Cube currency='USD' rate='1.16'/></Cube></Cube>", "no time attribute")]
    [InlineData("<Cube><Cube time='20.11.2026'><Cube currency='USD' rate='1.16'/></Cube></Cube>", "yyyy-MM-dd")]
    [InlineData("<Cube><Cube time='2026-11-20'></Cube></Cube>", "has no rates")]
    [InlineData("<Cube></Cube>", "no dated rates")]
    [InlineData("<Cube><Cube time='2026-11-20'><Cube currency='USD' rate='1.16'/><Cube currency='USD' rate='1.17'/></Cube></Cube>", "USD appears twice")]
    public void A_file_with_a_bad_part_is_refused_whole_with_the_reason(string cubes, string reason)
    {
        var exception = Assert.Throws<InvalidDataException>(() => Parse(cubes));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_XML_is_refused()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("date,USD\n2026-11-20,1.1659\n"));

        var exception = Assert.Throws<InvalidDataException>(() => EcbReferenceRates.Parse(stream));

        Assert.Contains("not well-formed XML", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XML_of_another_kind_is_refused()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<rates><rate currency='USD'>1.16</rate></rates>"));

        var exception = Assert.Throws<InvalidDataException>(() => EcbReferenceRates.Parse(stream));

        Assert.Contains("not an ECB reference-rate file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_type_definition_is_refused_so_entities_are_never_expanded()
    {
        const string xml = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));

        Assert.Throws<InvalidDataException>(() => EcbReferenceRates.Parse(stream));
    }

    private static IReadOnlyList<EcbPublication> Parse(string cubes)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\n{cubes}\n</gesmes:Envelope>"));
        return EcbReferenceRates.Parse(stream);
    }
}

internal static class Files
{
    public static string Daily => Path.Combine(AppContext.BaseDirectory, "ExchangeRates", "Files", "eurofxref-daily.xml");

    public static string History => Path.Combine(AppContext.BaseDirectory, "ExchangeRates", "Files", "eurofxref-hist-90d.xml");
}

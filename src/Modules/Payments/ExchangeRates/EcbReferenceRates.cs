using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.ExchangeRates;

/// <summary>One day of ECB reference rates: 1 EUR = rate × currency, for each currency published that day.</summary>
internal sealed record EcbPublication(DateOnly Date, IReadOnlyList<(Currency Currency, decimal Rate)> Rates);

/// <summary>
/// Reads the European Central Bank's euro foreign exchange reference-rate files — the daily
/// <c>eurofxref-daily.xml</c> and the history files (<c>eurofxref-hist-90d.xml</c>, <c>eurofxref-hist.xml</c>) — which
/// share one shape: <c>gesmes:Envelope/Cube/Cube[@time]/Cube[@currency,@rate]</c>. A file is read whole or refused
/// whole: any unknown currency, unreadable or non-positive rate, or missing date throws
/// <see cref="InvalidDataException"/> whose message says what and where, so nothing half-imports.
/// </summary>
internal static class EcbReferenceRates
{
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly XNamespace Gesmes = "http://www.gesmes.org/xml/2002-08-01";
    private static readonly XNamespace EuroFxRef = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    public static IReadOnlyList<EcbPublication> Parse(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var settings = new XmlReaderSettings
        {
            // No DTDs and no external resources: an uploaded file must not make the server fetch or expand anything.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxFileBytes,
            IgnoreComments = true,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"The file is not well-formed XML: {exception.Message}", exception);
        }

        var root = document.Root;
        if (root is null || root.Name != Gesmes + "Envelope")
        {
            throw new InvalidDataException(
                $"The file is not an ECB reference-rate file: the root element is <{root?.Name.LocalName}>, expected <gesmes:Envelope> in {Gesmes}.");
        }

        var outer = root.Element(EuroFxRef + "Cube")
            ?? throw new InvalidDataException($"The file has no <Cube> element in the namespace {EuroFxRef}.");
        var publications = new List<EcbPublication>();
        var seenDates = new HashSet<DateOnly>();
        foreach (var day in outer.Elements(EuroFxRef + "Cube"))
        {
            var time = (string?)day.Attribute("time");
            if (string.IsNullOrWhiteSpace(time))
            {
                throw new InvalidDataException($"A day of rates (line {Line(day)}) has no time attribute, so the rates have no date.");
            }

            if (!DateOnly.TryParseExact(time, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidDataException($"'{time}' (line {Line(day)}) is not a date in the form yyyy-MM-dd.");
            }

            if (!seenDates.Add(date))
            {
                throw new InvalidDataException($"The date {time} appears twice (line {Line(day)}).");
            }

            publications.Add(new EcbPublication(date, ReadRates(day, time)));
        }

        if (publications.Count == 0)
        {
            throw new InvalidDataException("The file contains no dated rates (no Cube element with a time attribute).");
        }

        return publications.OrderBy(p => p.Date).ToList();
    }

    private static List<(Currency, decimal)> ReadRates(XElement day, string time)
    {
        var rates = new List<(Currency, decimal)>();
        var seen = new HashSet<Currency>();
        foreach (var cube in day.Elements(EuroFxRef + "Cube"))
        {
            var code = (string?)cube.Attribute("currency");
            var rateText = (string?)cube.Attribute("rate");
            if (!Currency.TryFromCode(code, out var currency) || currency == Currency.EUR)
            {
                throw new InvalidDataException($"'{code}' on {time} (line {Line(cube)}) is not an ISO 4217 currency the ECB quotes against the euro.");
            }

            // The ECB writes plain invariant decimals ("1.0512", "162.35"): no sign, no exponent, no grouping.
            if (!decimal.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
            {
                throw new InvalidDataException($"The {code} rate on {time} (line {Line(cube)}) is '{rateText}', not a positive decimal number.");
            }

            if (decimal.Round(rate, ExchangeRate.Scale, MidpointRounding.ToEven) != rate || rate >= 10_000_000_000m)
            {
                throw new InvalidDataException($"The {code} rate on {time} (line {Line(cube)}) is '{rateText}'; rates have at most 10 digits before and 10 after the point.");
            }

            if (!seen.Add(currency))
            {
                throw new InvalidDataException($"{code} appears twice on {time} (line {Line(cube)}).");
            }

            rates.Add((currency, rate));
        }

        if (rates.Count == 0)
        {
            throw new InvalidDataException($"The day {time} (line {Line(day)}) has no rates.");
        }

        return rates;
    }

    private static string Line(XElement element) =>
        ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber.ToString(CultureInfo.InvariantCulture) : "?";
}

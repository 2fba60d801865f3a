using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Money;

namespace Tradewind.Tax.Rates;

/// <summary>
/// The rates file (<c>Data/rates.json</c>, schema <c>tradewind.tax-rates/1</c>), loaded once and checked: every row
/// names a known country or subdivision, a known tax code and treatment, a rate in [0, 1), an end not before its start
/// and a source; every country with rows has a profile and every profile has rows; and no two rows that could apply
/// to the same sale overlap in time. Any failure stops the start-up with <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class RateBook
{
    public const string Schema = "tradewind.tax-rates/1";

    private readonly Dictionary<string, List<TaxRate>> _byJurisdiction;

    private RateBook(string version, DateOnly coverageFrom, DateOnly coverageTo, IReadOnlyDictionary<string, string> taxCodes, IReadOnlyDictionary<string, Jurisdiction> jurisdictions, IReadOnlyList<TaxRate> rates)
    {
        Version = version;
        CoverageFrom = coverageFrom;
        CoverageTo = coverageTo;
        TaxCodes = taxCodes;
        Jurisdictions = jurisdictions;
        Rates = rates;
        _byJurisdiction = rates.GroupBy(r => r.Jurisdiction, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public string Version { get; }

    /// <summary>The first tax date the file answers for.</summary>
    public DateOnly CoverageFrom { get; }

    /// <summary>The last tax date the file answers for: the next review is due before it.</summary>
    public DateOnly CoverageTo { get; }

    public IReadOnlyDictionary<string, string> TaxCodes { get; }

    public IReadOnlyDictionary<string, Jurisdiction> Jurisdictions { get; }

    public IReadOnlyList<TaxRate> Rates { get; }

    /// <summary>The file built into the module.</summary>
    public static RateBook Embedded()
    {
        using var stream = typeof(RateBook).Assembly.GetManifestResourceStream("Tradewind.Tax.rates.json")
            ?? throw new InvalidDataException("The embedded tax rates file is missing.");
        return Load(stream);
    }

    /// <summary>The rows of <paramref name="jurisdiction"/> for a tax code, buyer group and date (and scope, when a rule asks for one).</summary>
    public IReadOnlyList<TaxRate> Find(string jurisdiction, string taxCode, bool business, DateOnly day, string? scope = null) =>
        _byJurisdiction.TryGetValue(jurisdiction, out var rows)
            ? rows.Where(r => r.InForceOn(day) && r.AppliesTo(business) && string.Equals(r.Scope, scope, StringComparison.Ordinal) && r.TaxCodes.Contains(taxCode, StringComparer.Ordinal)).ToList()
            : [];

    public static RateBook Load(Stream json)
    {
        RatesFile file;
        try
        {
            file = JsonSerializer.Deserialize<RatesFile>(json, JsonOptions) ?? throw new InvalidDataException("The tax rates file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The tax rates file is not valid JSON: {e.Message}", e);
        }

        var errors = new List<string>();
        if (!string.Equals(file.Schema, Schema, StringComparison.Ordinal))
        {
            errors.Add($"schema is '{file.Schema}', expected '{Schema}'");
        }

        if (string.IsNullOrWhiteSpace(file.Version))
        {
            errors.Add("version is missing");
        }

        var taxCodes = file.TaxCodes ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var jurisdictions = new Dictionary<string, Jurisdiction>(StringComparer.Ordinal);
        foreach (var j in file.Jurisdictions ?? [])
        {
            var where = $"jurisdiction {j.Country}";
            if (!CountryCode.TryParse(j.Country, out _))
            {
                errors.Add($"{where}: not an ISO 3166-1 country");
            }

            if (!Currency.TryFromCode(j.ReturnCurrency, out _))
            {
                errors.Add($"{where}: returnCurrency '{j.ReturnCurrency}' is not an ISO 4217 currency");
            }

            var rounding = j.Rounding switch
            {
                "per_line" => RoundingRule.PerLine,
                "per_rate_per_invoice" => RoundingRule.PerRatePerInvoice,
                _ => (RoundingRule?)null,
            };
            if (rounding is null)
            {
                errors.Add($"{where}: rounding '{j.Rounding}' is neither per_line nor per_rate_per_invoice");
            }

            var reverse = j.B2b switch { "reverse_charge" => true, "charge" => false, _ => (bool?)null };
            if (reverse is null)
            {
                errors.Add($"{where}: b2b '{j.B2b}' is neither reverse_charge nor charge");
            }
            else if (reverse == false && string.IsNullOrWhiteSpace(j.B2bRule))
            {
                errors.Add($"{where}: a jurisdiction that charges businesses must name its b2bRule");
            }

            if (string.IsNullOrWhiteSpace(j.Group))
            {
                errors.Add($"{where}: group is missing");
            }

            if (!jurisdictions.TryAdd(j.Country ?? "", new Jurisdiction(
                j.Country ?? "", j.Group ?? "", j.ReturnCurrency ?? "", reverse ?? true, j.B2bRule, rounding ?? RoundingRule.PerLine, j.Legend, j.RegimeFrom, j.ForeignSupplierRegime ?? true, j.RegimeNote)))
            {
                errors.Add($"{where}: listed twice");
            }
        }

        var rates = new List<TaxRate>();
        var row = 0;
        foreach (var r in file.Rates ?? [])
        {
            row++;
            var where = $"rate row {row} ({r.Jurisdiction} {r.TaxType})";
            var country = r.Jurisdiction?.Length > 2 ? r.Jurisdiction[..2] : r.Jurisdiction;
            if (r.Jurisdiction is null || (r.Jurisdiction.Length == 2 ? !CountryCode.TryParse(r.Jurisdiction, out _) : !SubdivisionCode.TryParse(r.Jurisdiction, out _)))
            {
                errors.Add($"{where}: jurisdiction is not an ISO 3166 country or subdivision code");
            }
            else if (!jurisdictions.ContainsKey(country!))
            {
                errors.Add($"{where}: {country} has no jurisdiction profile");
            }

            if (!decimal.TryParse(r.Rate, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate >= 1)
            {
                errors.Add($"{where}: rate '{r.Rate}' is not a decimal in [0, 1)");
            }

            var @base = 1m;
            if (r.Base is not null && !TryParseFraction(r.Base, out @base))
            {
                errors.Add($"{where}: base '{r.Base}' is not a fraction such as 8/10");
            }

            if (r.From is not null && r.To is not null && r.To < r.From)
            {
                errors.Add($"{where}: ends before it starts");
            }

            if (r.TaxCodes is null || r.TaxCodes.Count == 0 || r.TaxCodes.Any(c => !taxCodes.ContainsKey(c)))
            {
                errors.Add($"{where}: taxCodes must name codes listed under taxCodes");
            }

            if (!TaxTreatments.All.Contains(r.Treatment ?? "", StringComparer.Ordinal) || r.Treatment is TaxTreatments.ReverseCharge or TaxTreatments.NotCollected)
            {
                errors.Add($"{where}: treatment '{r.Treatment}' must be standard, reduced, zero_rated or exempt");
            }

            var buyers = r.Buyers switch { null or "all" => BuyerScope.All, "consumer" => BuyerScope.Consumer, "business" => BuyerScope.Business, _ => (BuyerScope?)null };
            if (buyers is null)
            {
                errors.Add($"{where}: buyers '{r.Buyers}' must be all, consumer or business");
            }

            if (string.IsNullOrWhiteSpace(r.Source))
            {
                errors.Add($"{where}: source is missing");
            }

            rates.Add(new TaxRate(
                r.Jurisdiction ?? "", r.TaxType ?? "", rate, r.From, r.To, r.TaxCodes ?? [], buyers ?? BuyerScope.All, r.Treatment ?? "", @base, r.Scope, r.Replaces ?? [], r.Source ?? "", r.Confidence ?? ""));
        }

        for (var i = 0; i < rates.Count; i++)
        {
            for (var k = i + 1; k < rates.Count; k++)
            {
                if (rates[i].Overlaps(rates[k]))
                {
                    errors.Add($"rate rows {i + 1} and {k + 1} ({rates[i].Jurisdiction} {rates[i].TaxType}) overlap in time for the same tax code and buyers");
                }
            }
        }

        foreach (var country in jurisdictions.Keys.Where(c => !rates.Any(r => r.Jurisdiction.StartsWith(c, StringComparison.Ordinal))))
        {
            errors.Add($"jurisdiction {country}: has no rate rows");
        }

        if (file.Coverage?.From is not { } from || file.Coverage?.To is not { } to || to < from)
        {
            errors.Add("coverage must give from and to dates");
            from = to = default;
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException("The tax rates file is invalid: " + string.Join("; ", errors));
        }

        return new RateBook(file.Version!, from, to, taxCodes, jurisdictions, rates);
    }

    private static bool TryParseFraction(string text, out decimal value)
    {
        value = 0;
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0 && numerator > 0 && numerator <= denominator)
        {
            value = (decimal)numerator / denominator;
            return true;
        }

        return false;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record RatesFile(string? Schema, string? Version, DateOnly? Reviewed, CoverageDto? Coverage, Dictionary<string, string>? TaxCodes, List<JurisdictionDto>? Jurisdictions, List<RateDto>? Rates);

    private sealed record CoverageDto(DateOnly? From, DateOnly? To);

    private sealed record JurisdictionDto(
        string? Country, string? Group, string? ReturnCurrency, string? B2b, string? B2bRule, string? Rounding, string? Legend, DateOnly? RegimeFrom, bool? ForeignSupplierRegime, string? RegimeNote);

    private sealed record RateDto(
        string? Jurisdiction, string? TaxType, string? Rate, DateOnly? From, DateOnly? To, List<string>? TaxCodes, string? Buyers, string? Treatment, string? Base, string? Scope, List<string>? Replaces, string? Source, string? Confidence);
}

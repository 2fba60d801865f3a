using System.Globalization;
using Tradewind.Contracts.Tax;
using Tradewind.Tax.Rates;

namespace Tradewind.Tax.Rules;

/// <summary>
/// Decides how each line of a sale is taxed, as small named rules tried in order. Every decision carries the
/// rule's name (<c>eu.b2b.reverse_charge</c>, <c>jp.platform_taxation</c>, <c>not_collected.no_registration</c>…)
/// so an auditor can see why. The operator is merchant of record and the deemed supplier (tax.md §0.1), so every
/// rule looks at the operator entity's own sale to the buyer; the seller's supply to the operator is out of scope.
/// See docs/tax.md for the list and decision 0011 for how registrations and the rates file combine.
/// </summary>
internal sealed class TaxRules(RateBook book)
{
    /// <summary>States with no state sales tax (tax.md §4 United States).</summary>
    private static readonly HashSet<string> NoSalesTaxStates = new(StringComparer.Ordinal) { "US-AK", "US-DE", "US-MT", "US-NH", "US-OR" };

    private static readonly HashSet<string> EuMembers = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    /// <summary>Countries whose rates depend on the buyer's state or province: the subdivision is required.</summary>
    public static readonly IReadOnlySet<string> SubdivisionRequired = new HashSet<string>(StringComparer.Ordinal) { "US", "CA" };

    public LineDecision Decide(TaxSale sale, SaleLine line)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(line);
        if (!book.Jurisdictions.TryGetValue(sale.BuyerCountry, out var j))
        {
            return NotCollected(sale.BuyerCountry, "", "not_collected.out_of_scope",
                $"Tradewind does not assess tax in {sale.BuyerCountry}: the rates file (tax.md) does not cover it. Check the local rules before selling there.");
        }

        var domestic = string.Equals(sale.Entity.Country, sale.BuyerCountry, StringComparison.Ordinal);
        var business = sale.IsBusiness && sale.TaxIdValid;
        var invalidId = sale.IsBusiness && !sale.TaxIdValid;
        var invalidNote = invalidId
            ? $"The buyer's tax id was not accepted ({sale.TaxIdReason ?? "none was given"}); the sale is taxed as a sale to a consumer."
            : "";

        if (j.Group == "us")
        {
            return UsState(sale, line, j);
        }

        if (j.RegimeFrom is { } regimeFrom && sale.Date < regimeFrom && !domestic)
        {
            return NotCollected(sale.BuyerCountry, "", $"{j.Group}.no_regime",
                j.RegimeNote ?? $"{sale.BuyerCountry} had no regime for foreign suppliers before {regimeFrom:yyyy-MM-dd}; the buyer accounts for any tax.");
        }

        // EU B2C professional services: place of supply is where the supplier is established (Art. 45 VAT Directive),
        // not the consumer's country (Art. 58 covers electronically supplied services only).
        if (j.Group == "eu" && line.TaxCode == "professional_services" && !business)
        {
            return EuSupplierLocation(sale, line, invalidNote);
        }

        var rows = Rows(sale, line, j, business, out var jurisdiction, out var intraState);
        var taxType = rows.Count == 0 ? "" : string.Join('+', rows.Select(r => r.TaxType));

        // B2B with a valid id where the buyer accounts for the tax (reverse charge / self-assessment), unless the
        // sale is domestic: an entity selling in its own country charges its own tax to businesses too.
        if (business && !domestic && j.B2bReverseCharge)
        {
            return new LineDecision(jurisdiction, taxType, 0m, 1m, TaxTreatments.ReverseCharge, $"{j.Group}.b2b.reverse_charge", Legend(j, sale.TaxId), j.Rounding);
        }

        if (!j.ForeignSupplierRegime && !domestic)
        {
            return NotCollected(jurisdiction, taxType, $"{j.Group}.b2c.no_foreign_supplier_regime", j.RegimeNote ?? "No regime for foreign suppliers; the tax is not collected.");
        }

        if (rows.Count == 0)
        {
            return NotCollected(jurisdiction, "", "not_collected.no_rate",
                $"The rates file has no {line.TaxCode} rate for {jurisdiction} on {sale.Date:yyyy-MM-dd}; the tax is not collected.");
        }

        var notes = new List<string>();
        if (!Covers(sale.Entity, sale.BuyerCountry, null))
        {
            return NotCollected(jurisdiction, taxType, "not_collected.no_registration", NoRegistration(sale.Entity, sale.BuyerCountry));
        }

        // Canadian provincial taxes (QST, PST, RST) need the entity's provincial registration.
        if (j.Group == "ca")
        {
            var provincial = rows.Where(r => r.Jurisdiction.Length > 2 && !r.Replaces.Any()).ToList();
            if (provincial.Count > 0 && !Covers(sale.Entity, sale.BuyerCountry, sale.BuyerSubdivision))
            {
                rows = rows.Except(provincial).ToList();
                notes.Add($"{string.Join('+', provincial.Select(p => p.TaxType))} not collected: {sale.Entity.Code} holds no registration in {sale.BuyerSubdivision}.");
                taxType = string.Join('+', rows.Select(r => r.TaxType));
            }
        }

        if (rows.All(r => r.Treatment == TaxTreatments.Exempt))
        {
            return new LineDecision(jurisdiction, taxType, 0m, 1m, TaxTreatments.Exempt, $"{j.Group}.exempt", Join(notes, invalidNote), j.Rounding);
        }

        var rule = RuleFor(sale, line, j, domestic, business, invalidId, intraState);
        if (business && !j.B2bReverseCharge && !domestic)
        {
            notes.Add(B2bChargedNote(j.Group));
        }

        if (rule == "jp.platform_taxation")
        {
            notes.Add("Specified platform taxation (JCT, from 2025-04-01): the platform operator is the deemed supplier.");
        }

        return new LineDecision(jurisdiction, taxType, rows.Sum(r => r.Rate), rows.Max(r => r.Base), Treatment(rows), rule, Join(notes, invalidNote), j.Rounding);
    }

    private string RuleFor(TaxSale sale, SaleLine line, Jurisdiction j, bool domestic, bool business, bool invalidId, bool intraState)
    {
        if (j.Group == "in" && domestic)
        {
            return intraState ? "in.domestic.intra_state" : "in.domestic.inter_state";
        }

        if (business)
        {
            return domestic ? $"{j.Group}.domestic.b2b" : j.B2bRule ?? $"{j.Group}.b2b.charged";
        }

        if (invalidId)
        {
            return $"{j.Group}.b2b.invalid_tax_id_taxed_as_b2c";
        }

        // JCT Act as amended in 2024: from 2025-04-01 a designated platform operator is the deemed supplier of B2C
        // telecommunications services sold through it.
        if (j.Group == "jp" && line.TaxCode == "saas" && sale.Date >= new DateOnly(2025, 4, 1))
        {
            return "jp.platform_taxation";
        }

        return j.Group == "in" ? "in.b2c.oidar" : $"{j.Group}.b2c.destination";
    }

    private List<TaxRate> Rows(TaxSale sale, SaleLine line, Jurisdiction j, bool business, out string jurisdiction, out bool intraState)
    {
        intraState = false;
        jurisdiction = sale.BuyerCountry;
        if (j.Group == "ca" && sale.BuyerSubdivision is { } province)
        {
            var provincial = book.Find(province, line.TaxCode, business, sale.Date);
            var replaced = provincial.SelectMany(p => p.Replaces).ToHashSet(StringComparer.Ordinal);
            var federal = book.Find(sale.BuyerCountry, line.TaxCode, business, sale.Date).Where(r => !replaced.Contains(r.TaxType));
            jurisdiction = province;
            return federal.Concat(provincial).ToList();
        }

        if (j.Group == "in" && string.Equals(sale.Entity.Country, "IN", StringComparison.Ordinal) && sale.BuyerSubdivision is not null
            && string.Equals(sale.BuyerSubdivision, sale.Entity.Region, StringComparison.Ordinal))
        {
            intraState = true;
            jurisdiction = sale.BuyerSubdivision;
            return book.Find(sale.BuyerCountry, line.TaxCode, business, sale.Date, "intra_state").ToList();
        }

        return book.Find(sale.BuyerCountry, line.TaxCode, business, sale.Date).ToList();
    }

    /// <summary>
    /// US: state sales tax only where the state taxes the product (tax.md §4); no B2B exemption, though some states
    /// exempt business use. Local rates are out of scope and every quote says so. Collected only where the entity
    /// holds the state's sales-tax registration (marketplace facilitator).
    /// </summary>
    private LineDecision UsState(TaxSale sale, SaleLine line, Jurisdiction j)
    {
        var state = sale.BuyerSubdivision ?? "US";
        var rows = book.Find(state, line.TaxCode, sale.IsBusiness, sale.Date);
        const string LocalNote = "State rate only: local sales taxes are not included in this quote.";
        if (rows.Count == 0)
        {
            return NotCollected(state, "", "not_collected.no_rate", $"The rates file has no {line.TaxCode} rate for {state} on {sale.Date:yyyy-MM-dd}; the tax is not collected.");
        }

        var taxType = string.Join('+', rows.Select(r => r.TaxType));
        if (rows.All(r => r.Treatment == TaxTreatments.Exempt))
        {
            var rule = NoSalesTaxStates.Contains(state) ? "us.state.no_sales_tax"
                : line.TaxCode == "saas" ? "us.state.saas_not_taxable" : "us.state.not_taxable";
            var why = NoSalesTaxStates.Contains(state) ? $"{state} has no state sales tax." : $"{state} does not tax {line.TaxCode} at state level{(sale.IsBusiness ? " for this buyer (business use)" : "")}.";
            return new LineDecision(state, taxType, 0m, 1m, TaxTreatments.Exempt, rule, $"{why} {LocalNote}", j.Rounding);
        }

        if (!Covers(sale.Entity, "US", state))
        {
            return NotCollected(state, taxType, "not_collected.no_registration", $"{NoRegistration(sale.Entity, state)} {LocalNote}");
        }

        var taxable = line.TaxCode == "saas" ? "us.state.saas_taxable" : "us.state.services_taxable";
        var notes = new List<string> { LocalNote };
        if (rows.Any(r => r.Base != 1m))
        {
            taxable = "us.tx.data_processing_80_percent";
            notes.Add("Texas taxes 80% of the charge for data processing services.");
        }

        if (sale.IsBusiness)
        {
            notes.Add("The US has no B2B exemption: only a resale or exemption certificate relieves the buyer.");
        }

        return new LineDecision(state, taxType, rows.Sum(r => r.Rate), rows.Max(r => r.Base), Treatment(rows), taxable, string.Join(' ', notes), j.Rounding);
    }

    private LineDecision EuSupplierLocation(TaxSale sale, SaleLine line, string invalidNote)
    {
        var home = sale.Entity.Country;
        if (!EuMembers.Contains(home))
        {
            return NotCollected(sale.BuyerCountry, "VAT", "eu.b2c.services_outside_scope",
                "Professional services to an EU consumer are taxed where the supplier is established (Art. 45 VAT Directive); this entity is established outside the EU, so no EU VAT is due.");
        }

        var rows = book.Find(home, line.TaxCode, business: false, sale.Date);
        var j = book.Jurisdictions[home];
        if (rows.Count == 0)
        {
            return NotCollected(home, "", "not_collected.no_rate", $"The rates file has no {line.TaxCode} rate for {home} on {sale.Date:yyyy-MM-dd}.");
        }

        return new LineDecision(home, string.Join('+', rows.Select(r => r.TaxType)), rows.Sum(r => r.Rate), 1m, Treatment(rows), "eu.b2c.supplier_location",
            Join(["Place of supply: the supplier's establishment (Art. 45 VAT Directive)."], invalidNote), j.Rounding);
    }

    /// <summary>
    /// Whether the entity collects in a place. EU: an entity established in a member state and registered there
    /// covers every member state through the Union OSS; Switzerland's registration covers Liechtenstein (one VAT
    /// area); a subdivision needs its own registration (US state permits, Canadian provincial taxes).
    /// </summary>
    private static bool Covers(SellingEntity entity, string country, string? subdivision)
    {
        if (subdivision is not null && subdivision.Length > 2)
        {
            return entity.Registrations.Any(r => string.Equals(r.Subdivision, subdivision, StringComparison.Ordinal));
        }

        if (entity.Registrations.Any(r => string.Equals(r.Country, country, StringComparison.Ordinal) && r.Subdivision is null))
        {
            return true;
        }

        if (EuMembers.Contains(country) && EuMembers.Contains(entity.Country)
            && entity.Registrations.Any(r => EuMembers.Contains(r.Country) && r.Subdivision is null))
        {
            return true;
        }

        return country == "LI" && entity.Registrations.Any(r => r.Country == "CH" && r.Subdivision is null);
    }

    private static string NoRegistration(SellingEntity entity, string where) =>
        $"{entity.Code} holds no tax registration in {where}, so it does not collect the tax there. The operator is the deemed supplier: register before selling there.";

    private static string Treatment(IReadOnlyList<TaxRate> rows) =>
        rows.Any(r => r.Treatment == TaxTreatments.Standard) ? TaxTreatments.Standard
        : rows.Any(r => r.Treatment == TaxTreatments.Reduced) ? TaxTreatments.Reduced
        : TaxTreatments.ZeroRated;

    private static string B2bChargedNote(string group) => group switch
    {
        "ch" => "A registered foreign supplier charges Swiss VAT on all its Swiss supplies, businesses included.",
        "my" => "A registered foreign service provider charges service tax to businesses too; the buyer is relieved of its own reverse charge.",
        "za" => "The B2B exclusion applies only if every South African customer is a VAT vendor; the marketplace also sells to consumers.",
        "mx" => "Mexico's digital services regime draws no line between businesses and consumers.",
        "id" => "The appointed VAT collector collects from every buyer.",
        "br" => "Non-residents are jointly liable whether the buyer is a business or not.",
        _ => "Tax is charged to business buyers too.",
    };

    private static string Legend(Jurisdiction j, string? taxId) =>
        (j.Legend ?? "Reverse charge: the recipient accounts for the tax (customer tax id {taxId}).").Replace("{taxId}", taxId ?? "", StringComparison.Ordinal);

    private LineDecision NotCollected(string jurisdiction, string taxType, string rule, string note) =>
        new(jurisdiction, taxType, 0m, 1m, TaxTreatments.NotCollected, rule, note,
            book.Jurisdictions.TryGetValue(jurisdiction.Length >= 2 ? jurisdiction[..2] : jurisdiction, out var j) ? j.Rounding : RoundingRule.PerLine);

    private static string Join(IEnumerable<string> notes, string extra) =>
        string.Join(' ', notes.Append(extra).Where(n => n.Length > 0));

    internal static string FormatRate(decimal rate) => rate.ToString("0.############################", CultureInfo.InvariantCulture);
}

namespace Tradewind.Primitives.TaxIds;

/// <summary>
/// Which identifier a <see cref="TaxId"/> is. Each kind has one validation scheme; a country has one or
/// more kinds (Japan has the corporate number and the T-number of a qualified invoice issuer).
/// </summary>
public enum TaxIdKind
{
    /// <summary>Unset; never the kind of a parsed <see cref="TaxId"/>.</summary>
    None = 0,

    /// <summary>VAT identification number of an EU member state, with its prefix ("DE136695976", "EL094259216").</summary>
    EuVat,

    /// <summary>UK VAT registration number ("GB" or, for Northern Ireland, "XI").</summary>
    GbVat,

    /// <summary>Swiss UID of a VAT-registered business ("CHE" + 9 digits; the MWST/TVA/IVA suffix is not stored).</summary>
    ChUid,

    /// <summary>Norwegian organisation number registered for VAT ("NO" + 9 digits; the MVA suffix is not stored).</summary>
    NoMva,

    /// <summary>Icelandic VAT (VSK) number, 5 or 6 digits.</summary>
    IsVsk,

    /// <summary>Australian Business Number, 11 digits.</summary>
    AuAbn,

    /// <summary>New Zealand IRD number (also the GST number), stored as 9 digits.</summary>
    NzIrd,

    /// <summary>Japanese corporate number (法人番号), 13 digits.</summary>
    JpCorporateNumber,

    /// <summary>Japanese qualified invoice issuer registration number ("T" + 13 digits).</summary>
    JpQualifiedInvoiceIssuer,

    /// <summary>South Korean business registration number, 10 digits.</summary>
    KrBrn,

    /// <summary>Indian GST identification number, 15 characters.</summary>
    InGstin,

    /// <summary>Singapore Unique Entity Number (usually also the GST registration number).</summary>
    SgUen,

    /// <summary>Singapore GST registration number of an overseas vendor ("M" + 8 digits + letter).</summary>
    SgGst,

    /// <summary>Canadian Business Number, 9 digits, optionally with a program account such as "RT0001".</summary>
    CaBn,

    /// <summary>Taiwanese Unified Business Number, 8 digits.</summary>
    TwUbn,

    /// <summary>US Employer Identification Number, 9 digits.</summary>
    UsEin,

    /// <summary>Brazilian CNPJ, 14 characters.</summary>
    BrCnpj,

    /// <summary>Mexican RFC, 12 (companies) or 13 (individuals) characters.</summary>
    MxRfc,

    /// <summary>Chilean RUT, digits and a check character 0-9 or K.</summary>
    ClRut,

    /// <summary>Colombian NIT, digits and a check digit.</summary>
    CoNit,

    /// <summary>Turkish tax number (Vergi Kimlik Numarası), 10 digits.</summary>
    TrVkn,

    /// <summary>Israeli company number (ח.פ.), 9 digits starting with 5.</summary>
    IlCompanyNumber,

    /// <summary>Saudi VAT number, 15 digits.</summary>
    SaVat,

    /// <summary>UAE Tax Registration Number, 15 digits.</summary>
    AeTrn,

    /// <summary>South African VAT number, 10 digits.</summary>
    ZaVat,

    /// <summary>Indonesian NPWP, 15 (old form) or 16 digits.</summary>
    IdNpwp,
}

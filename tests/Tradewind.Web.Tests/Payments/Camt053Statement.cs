using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Tradewind.Web.Tests.Payments;

/// <summary>Builds camt.053.001.08 statements for tests, and validates ISO 20022 documents against <c>tests/schemas/iso20022/</c>.</summary>
internal sealed class Camt053Statement(string statementId)
{
    private static readonly XNamespace Ns = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    private readonly List<XElement> _entries = [];

    /// <summary>A booked credit: <paramref name="rf"/> goes into the structured creditor reference, <paramref name="text"/> into the free text.</summary>
    public Camt053Statement Credit(string reference, string amount, string currency, string? rf = null, string? text = null, string? endToEndId = null, string debtor = "Payer") =>
        Entry(reference, amount, currency, "CRDT", rf, text, endToEndId, debtor);

    public Camt053Statement Debit(string reference, string amount, string currency) => Entry(reference, amount, currency, "DBIT", null, "Bank charges", null, null);

    public string ToXml()
    {
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                Ns + "Document",
                new XElement(
                    Ns + "BkToCstmrStmt",
                    new XElement(Ns + "GrpHdr", new XElement(Ns + "MsgId", "MSG-" + statementId), new XElement(Ns + "CreDtTm", "2026-12-20T06:00:00")),
                    new XElement(
                        Ns + "Stmt",
                        new XElement(Ns + "Id", statementId),
                        new XElement(Ns + "Acct", new XElement(Ns + "Id", new XElement(Ns + "IBAN", "LU280019400644750000")), new XElement(Ns + "Ccy", "EUR")),
                        Balance("OPBD"),
                        Balance("CLBD"),
                        _entries))));
        return document.Declaration + Environment.NewLine + document.ToString();
    }

    public static IReadOnlyList<string> Validate(string xml, string schemaFile)
    {
        var schemas = new XmlSchemaSet();
        using (var schema = XmlReader.Create(Path.Combine(RepositoryRoot(), "tests", "schemas", "iso20022", schemaFile)))
        {
            schemas.Add(null, schema);
        }

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private Camt053Statement Entry(string reference, string amount, string currency, string side, string? rf, string? text, string? endToEndId, string? debtor)
    {
        var remittance = new XElement(Ns + "RmtInf");
        if (text is not null)
        {
            remittance.Add(new XElement(Ns + "Ustrd", text));
        }

        if (rf is not null)
        {
            remittance.Add(new XElement(
                Ns + "Strd",
                new XElement(Ns + "CdtrRefInf", new XElement(Ns + "Tp", new XElement(Ns + "CdOrPrtry", new XElement(Ns + "Cd", "SCOR")), new XElement(Ns + "Issr", "ISO")), new XElement(Ns + "Ref", rf))));
        }

        var details = new XElement(
            Ns + "TxDtls",
            new XElement(Ns + "Refs", new XElement(Ns + "EndToEndId", endToEndId ?? "NOTPROVIDED")),
            new XElement(Ns + "Amt", new XAttribute("Ccy", currency), amount),
            new XElement(Ns + "CdtDbtInd", side),
            debtor is null ? null : new XElement(Ns + "RltdPties", new XElement(Ns + "Dbtr", new XElement(Ns + "Pty", new XElement(Ns + "Nm", debtor)))),
            remittance.HasElements ? remittance : null);
        _entries.Add(new XElement(
            Ns + "Ntry",
            new XElement(Ns + "Amt", new XAttribute("Ccy", currency), amount),
            new XElement(Ns + "CdtDbtInd", side),
            new XElement(Ns + "Sts", new XElement(Ns + "Cd", "BOOK")),
            new XElement(Ns + "BookgDt", new XElement(Ns + "Dt", "2026-12-19")),
            new XElement(Ns + "ValDt", new XElement(Ns + "Dt", "2026-12-19")),
            new XElement(Ns + "AcctSvcrRef", reference),
            new XElement(Ns + "BkTxCd", new XElement(Ns + "Domn", new XElement(Ns + "Cd", "PMNT"), new XElement(Ns + "Fmly", new XElement(Ns + "Cd", side == "CRDT" ? "RCDT" : "CCRD"), new XElement(Ns + "SubFmlyCd", side == "CRDT" ? "ESCT" : "CHRG")))),
            new XElement(Ns + "NtryDtls", details)));
        return this;
    }

    private static XElement Balance(string code) => new(
        Ns + "Bal",
        new XElement(Ns + "Tp", new XElement(Ns + "CdOrPrtry", new XElement(Ns + "Cd", code))),
        new XElement(Ns + "Amt", new XAttribute("Ccy", "EUR"), 0m.ToString("0.00", CultureInfo.InvariantCulture)),
        new XElement(Ns + "CdtDbtInd", "CRDT"),
        new XElement(Ns + "Dt", new XElement(Ns + "Dt", "2026-12-19")));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tradewind.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tradewind.slnx not found above the test binaries.");
    }
}

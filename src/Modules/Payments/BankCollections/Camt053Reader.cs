using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Tradewind.Contracts;

namespace Tradewind.Payments.BankCollections;

/// <summary>
/// Reads a bank-to-customer statement, ISO 20022 <c>camt.053.001.08</c>, after validating it against the schema
/// (embedded in this assembly). Each entry becomes one item per transaction detail (a batch-booked entry with several
/// transactions gives several items), with the references matching needs.
/// </summary>
internal static class Camt053Reader
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    private static readonly XNamespace Ns = Namespace;

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet();
        using var stream = typeof(Camt053Reader).Assembly.GetManifestResourceStream("Tradewind.Payments.BankCollections.camt.053.001.08.xsd")
            ?? throw new InvalidOperationException("The camt.053.001.08 schema is not embedded.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    });

    public sealed record Statement(string MessageId, string StatementId, string? AccountIban, IReadOnlyList<Item> Items);

    /// <summary>
    /// One transaction of an entry. <c>Credit</c>: CRDT (money in). <c>Booked</c>: status BOOK (or none); pending and
    /// information-only entries are not payments yet. <c>StructuredReference</c> is the creditor reference
    /// (<c>RmtInf/Strd/CdtrRefInf/Ref</c>), <c>Unstructured</c> the free remittance text.
    /// </summary>
    public sealed record Item(
        string EntryReference, bool Credit, bool Booked, decimal Amount, string Currency, DateOnly? BookingDate,
        string? StructuredReference, string? EndToEndId, string? Unstructured, string? DebtorName);

    /// <exception cref="ValidationFailedException">Not XML, or not a valid camt.053.001.08 document.</exception>
    public static IReadOnlyList<Statement> Read(string xml)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                ValidationType = ValidationType.Schema,
                Schemas = Schema.Value,
            };
            var errors = new List<string>();
            settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
            if (document.Root?.Name != Ns + "Document")
            {
                throw new ValidationFailedException("file", $"Expected a camt.053.001.08 statement (namespace {Namespace}).");
            }

            if (errors.Count > 0)
            {
                throw new ValidationFailedException("file", "The statement does not match the camt.053.001.08 schema: " + string.Join(" ", errors.Take(5)));
            }
        }
        catch (XmlException ex)
        {
            throw new ValidationFailedException("file", "The statement is not well-formed XML: " + ex.Message);
        }

        var root = document.Root.Element(Ns + "BkToCstmrStmt")!;
        var messageId = root.Element(Ns + "GrpHdr")!.Element(Ns + "MsgId")!.Value;
        var statements = new List<Statement>();
        foreach (var stmt in root.Elements(Ns + "Stmt"))
        {
            var statementId = stmt.Element(Ns + "Id")!.Value;
            var iban = stmt.Element(Ns + "Acct")?.Element(Ns + "Id")?.Element(Ns + "IBAN")?.Value;
            var items = new List<Item>();
            var position = 0;
            foreach (var entry in stmt.Elements(Ns + "Ntry"))
            {
                position++;
                var entryRef = entry.Element(Ns + "AcctSvcrRef")?.Value ?? entry.Element(Ns + "NtryRef")?.Value ?? "#" + position.ToString(CultureInfo.InvariantCulture);
                var credit = entry.Element(Ns + "CdtDbtInd")!.Value == "CRDT";
                var status = entry.Element(Ns + "Sts")?.Element(Ns + "Cd")?.Value;
                var booked = status is null or "BOOK";
                var booking = entry.Element(Ns + "BookgDt")?.Element(Ns + "Dt")?.Value is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                var entryAmount = entry.Element(Ns + "Amt")!;
                var details = entry.Elements(Ns + "NtryDtls").Elements(Ns + "TxDtls").ToList();
                if (details.Count == 0)
                {
                    items.Add(new Item(entryRef, credit, booked, Decimal(entryAmount), entryAmount.Attribute("Ccy")!.Value, booking, null, null, null, null));
                    continue;
                }

                for (var i = 0; i < details.Count; i++)
                {
                    var tx = details[i];
                    var amount = details.Count > 1 && tx.Element(Ns + "Amt") is { } txAmount ? txAmount : entryAmount;
                    var remittance = tx.Element(Ns + "RmtInf");
                    items.Add(new Item(
                        details.Count > 1 ? $"{entryRef}/{(i + 1).ToString(CultureInfo.InvariantCulture)}" : entryRef,
                        credit,
                        booked,
                        Decimal(amount),
                        amount.Attribute("Ccy")!.Value,
                        booking,
                        remittance?.Elements(Ns + "Strd").Elements(Ns + "CdtrRefInf").Elements(Ns + "Ref").FirstOrDefault()?.Value,
                        tx.Element(Ns + "Refs")?.Element(Ns + "EndToEndId")?.Value is { } e2e && e2e != "NOTPROVIDED" ? e2e : null,
                        remittance is null ? null : string.Join(' ', remittance.Elements(Ns + "Ustrd").Select(u => u.Value)) is { Length: > 0 } text ? text : null,
                        tx.Element(Ns + "RltdPties")?.Element(Ns + "Dbtr")?.Element(Ns + "Pty")?.Element(Ns + "Nm")?.Value));
                }
            }

            statements.Add(new Statement(messageId, statementId, iban, items));
        }

        return statements;
    }

    private static decimal Decimal(XElement amount) => decimal.Parse(amount.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using System.Xml;

namespace Tradewind.Payments.BankCollections;

/// <summary>
/// Writes a SEPA Core direct-debit initiation, ISO 20022 <c>pain.008.001.08</c> (the version of the EPC 2023
/// rulebooks): a group header, one payment information block per sequence type (FRST before RCUR) and one
/// transaction per invoice with its mandate.
/// </summary>
/// <remarks>
/// Amounts are euros with two decimals; <c>CtrlSum</c> and <c>NbOfTxs</c> are computed from the transactions. The
/// end-to-end id is the invoice number (the bank returns it on the statement). Without a creditor BIC the agent is
/// <c>Othr/Id NOTPROVIDED</c>, as the SEPA IBAN-only rule allows; a debtor without BIC likewise. Text goes through
/// <see cref="SepaText"/>.
/// </remarks>
internal static class Pain008Writer
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

    public sealed record Creditor(string Name, string Iban, string? Bic, string CreditorId);

    public sealed record Transaction(string EndToEndId, long AmountMinor, string MandateId, DateOnly SignedOn, string DebtorName, string DebtorIban, string? DebtorBic, string SequenceType, string Remittance);

    public static string Write(string messageId, DateTimeOffset createdAt, DateOnly collectionDate, Creditor creditor, IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(creditor);
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count == 0)
        {
            throw new ArgumentException("A batch has at least one transaction.", nameof(transactions));
        }

        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new Utf8StringWriter(builder), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrDrctDbtInitn");

            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", messageId);
            xml.WriteElementString("CreDtTm", createdAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteElementString("NbOfTxs", transactions.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("CtrlSum", Amount(transactions.Sum(t => t.AmountMinor)));
            xml.WriteStartElement("InitgPty");
            xml.WriteElementString("Nm", SepaText.Clean(creditor.Name, 70));
            xml.WriteEndElement();
            xml.WriteEndElement();

            foreach (var group in transactions.GroupBy(t => t.SequenceType).OrderBy(g => g.Key == "FRST" ? 0 : 1))
            {
                var items = group.OrderBy(t => t.EndToEndId, StringComparer.Ordinal).ToList();
                xml.WriteStartElement("PmtInf");
                xml.WriteElementString("PmtInfId", SepaText.Identifier($"{messageId}-{group.Key}"));
                xml.WriteElementString("PmtMtd", "DD");
                xml.WriteElementString("BtchBookg", "true");
                xml.WriteElementString("NbOfTxs", items.Count.ToString(CultureInfo.InvariantCulture));
                xml.WriteElementString("CtrlSum", Amount(items.Sum(t => t.AmountMinor)));
                xml.WriteStartElement("PmtTpInf");
                xml.WriteStartElement("SvcLvl");
                xml.WriteElementString("Cd", "SEPA");
                xml.WriteEndElement();
                xml.WriteStartElement("LclInstrm");
                xml.WriteElementString("Cd", "CORE");
                xml.WriteEndElement();
                xml.WriteElementString("SeqTp", group.Key);
                xml.WriteEndElement();
                xml.WriteElementString("ReqdColltnDt", collectionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteStartElement("Cdtr");
                xml.WriteElementString("Nm", SepaText.Clean(creditor.Name, 70));
                xml.WriteEndElement();
                Account(xml, "CdtrAcct", creditor.Iban);
                Agent(xml, "CdtrAgt", creditor.Bic);
                xml.WriteElementString("ChrgBr", "SLEV");
                xml.WriteStartElement("CdtrSchmeId");
                xml.WriteStartElement("Id");
                xml.WriteStartElement("PrvtId");
                xml.WriteStartElement("Othr");
                xml.WriteElementString("Id", creditor.CreditorId);
                xml.WriteStartElement("SchmeNm");
                xml.WriteElementString("Prtry", "SEPA");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();

                foreach (var t in items)
                {
                    xml.WriteStartElement("DrctDbtTxInf");
                    xml.WriteStartElement("PmtId");
                    xml.WriteElementString("EndToEndId", SepaText.Identifier(t.EndToEndId));
                    xml.WriteEndElement();
                    xml.WriteStartElement("InstdAmt");
                    xml.WriteAttributeString("Ccy", "EUR");
                    xml.WriteString(Amount(t.AmountMinor));
                    xml.WriteEndElement();
                    xml.WriteStartElement("DrctDbtTx");
                    xml.WriteStartElement("MndtRltdInf");
                    xml.WriteElementString("MndtId", t.MandateId);
                    xml.WriteElementString("DtOfSgntr", t.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    Agent(xml, "DbtrAgt", t.DebtorBic);
                    xml.WriteStartElement("Dbtr");
                    xml.WriteElementString("Nm", SepaText.Clean(t.DebtorName, 70));
                    xml.WriteEndElement();
                    Account(xml, "DbtrAcct", t.DebtorIban);
                    xml.WriteStartElement("RmtInf");
                    xml.WriteElementString("Ustrd", SepaText.Clean(t.Remittance, 140));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return builder.ToString();
    }

    private static string Amount(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static void Account(XmlWriter xml, string element, string iban)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", iban);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Agent(XmlWriter xml, string element, string? bic)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("FinInstnId");
        if (bic is { Length: > 0 })
        {
            xml.WriteElementString("BICFI", bic);
        }
        else
        {
            xml.WriteStartElement("Othr");
            xml.WriteElementString("Id", "NOTPROVIDED");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

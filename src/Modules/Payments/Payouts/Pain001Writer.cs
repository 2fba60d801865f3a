using System.Globalization;
using System.Text;
using System.Xml;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Payouts;

/// <summary>The paying operator entity: its name, town and country, and the account the transfers leave from.</summary>
internal sealed record PainDebtor(string Name, string? Town, string? PostalCode, string CountryCode, PaymentAccountDetails Account);

/// <summary>One credit transfer: a payout to a seller's account.</summary>
internal sealed record PainTransfer(string EndToEndId, Money Amount, string CreditorName, PaymentAccountDetails Account, string Remittance);

/// <summary>
/// Writes ISO 20022 <c>pain.001.001.09</c> customer credit-transfer initiations (einvoice spec §3.2). One file holds one
/// payment batch: one debtor account, one currency. EUR batches follow the EPC SEPA credit transfer rules (service
/// level <c>SEPA</c>, charges <c>SLEV</c>, IBANs, the SEPA character set, names ≤ 70 characters); other currencies are
/// plain credit transfers (charges shared, <c>SHAR</c>) to an IBAN where the account has one, otherwise to the local
/// account number with the bank's clearing code (sort code, ABA, IFSC…) as the creditor agent's member id.
/// </summary>
internal static class Pain001Writer
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    public static string Write(string messageId, DateTimeOffset createdAt, DateOnly executionDate, PainDebtor debtor, IReadOnlyList<PainTransfer> transfers)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(transfers);
        if (transfers.Count == 0)
        {
            throw new ArgumentException("A payment file needs at least one transfer.", nameof(transfers));
        }

        var currency = transfers[0].Amount.Currency;
        if (transfers.Any(t => t.Amount.Currency != currency))
        {
            throw new ArgumentException("One payment file, one currency.", nameof(transfers));
        }

        var sepa = currency.Code == "EUR";
        var control = Amount(transfers.Aggregate(Money.Zero(currency), (sum, t) => sum + t.Amount));
        var count = transfers.Count.ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");

            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", messageId);
            xml.WriteElementString("CreDtTm", createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            xml.WriteElementString("NbOfTxs", count);
            xml.WriteElementString("CtrlSum", control);
            xml.WriteStartElement("InitgPty");
            xml.WriteElementString("Nm", Text(debtor.Name, sepa ? 70 : 140));
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("PmtInf");
            xml.WriteElementString("PmtInfId", messageId);
            xml.WriteElementString("PmtMtd", "TRF");
            xml.WriteElementString("BtchBookg", "true");
            xml.WriteElementString("NbOfTxs", count);
            xml.WriteElementString("CtrlSum", control);
            if (sepa)
            {
                xml.WriteStartElement("PmtTpInf");
                xml.WriteStartElement("SvcLvl");
                xml.WriteElementString("Cd", "SEPA");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteStartElement("ReqdExctnDt");
            xml.WriteElementString("Dt", executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();

            xml.WriteStartElement("Dbtr");
            xml.WriteElementString("Nm", Text(debtor.Name, sepa ? 70 : 140));
            // EPC: from November 2026 an address is structured or hybrid, with at least the town and country in their own fields.
            xml.WriteStartElement("PstlAdr");
            if (!string.IsNullOrWhiteSpace(debtor.PostalCode))
            {
                xml.WriteElementString("PstCd", Text(debtor.PostalCode, 16));
            }

            if (!string.IsNullOrWhiteSpace(debtor.Town))
            {
                xml.WriteElementString("TwnNm", Text(debtor.Town, 35));
            }

            xml.WriteElementString("Ctry", debtor.CountryCode);
            xml.WriteEndElement();
            xml.WriteEndElement();
            WriteAccount(xml, debtor.Account);
            WriteAgent(xml, "DbtrAgt", debtor.Account, required: true);
            xml.WriteElementString("ChrgBr", sepa ? "SLEV" : "SHAR");

            foreach (var transfer in transfers)
            {
                xml.WriteStartElement("CdtTrfTxInf");
                xml.WriteStartElement("PmtId");
                xml.WriteElementString("InstrId", transfer.EndToEndId);
                xml.WriteElementString("EndToEndId", transfer.EndToEndId);
                xml.WriteEndElement();
                xml.WriteStartElement("Amt");
                xml.WriteStartElement("InstdAmt");
                xml.WriteAttributeString("Ccy", currency.Code);
                xml.WriteString(Amount(transfer.Amount));
                xml.WriteEndElement();
                xml.WriteEndElement();
                WriteAgent(xml, "CdtrAgt", transfer.Account, required: false);
                xml.WriteStartElement("Cdtr");
                xml.WriteElementString("Nm", Text(transfer.CreditorName, sepa ? 70 : 140));
                xml.WriteStartElement("PstlAdr");
                xml.WriteElementString("Ctry", transfer.Account.CountryCode);
                xml.WriteEndElement();
                xml.WriteEndElement();
                WriteAccount(xml, transfer.Account, "CdtrAcct", withCurrency: false);
                xml.WriteStartElement("RmtInf");
                xml.WriteElementString("Ustrd", Text(transfer.Remittance, 140));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder output declares UTF-16; the file is served and stored as UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// Text in the SEPA character set (einvoice spec §3.4): letters lose their accents (é → e, ß → ss), anything else
    /// outside <c>a-z A-Z 0-9 / - ? : ( ) . , ' +</c> and space becomes a space; cut to <paramref name="max"/>.
    /// </summary>
    public static string Text(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        var decomposed = value.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            result.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '-' or '?' or ':' or '(' or ')' or '.' or ',' or '\'' or '+' or ' ' ? c : ' ');
        }

        var text = string.Join(' ', result.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            text = "-";
        }

        return text.Length <= max ? text : text[..max].TrimEnd();
    }

    private static string Amount(Money money) => money.ToMajorString();

    private static string? Iban(PaymentAccountDetails account) =>
        string.IsNullOrWhiteSpace(account.Iban) ? null : account.Iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static void WriteAccount(XmlWriter xml, PaymentAccountDetails account, string element = "DbtrAcct", bool withCurrency = true)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        if (Iban(account) is { } iban)
        {
            xml.WriteElementString("IBAN", iban);
        }
        else
        {
            xml.WriteStartElement("Othr");
            xml.WriteElementString("Id", (account.AccountNumber ?? "").Replace(" ", "", StringComparison.Ordinal));
            xml.WriteStartElement("SchmeNm");
            xml.WriteElementString("Cd", "BBAN");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        if (withCurrency)
        {
            xml.WriteElementString("Ccy", account.CurrencyCode);
        }

        xml.WriteEndElement();
    }

    /// <summary>
    /// The account's bank: its BIC when known; else its clearing code (a local account); else, for the debtor, the
    /// <c>NOTPROVIDED</c> marker banks accept for IBAN-only SEPA; a creditor agent is left out (IBAN-only).
    /// </summary>
    private static void WriteAgent(XmlWriter xml, string element, PaymentAccountDetails account, bool required)
    {
        var bic = string.IsNullOrWhiteSpace(account.Bic) ? null : account.Bic.Trim().ToUpperInvariant();
        var clearing = Iban(account) is null && !string.IsNullOrWhiteSpace(account.RoutingCode) ? account.RoutingCode.Trim() : null;
        if (bic is null && clearing is null && !required)
        {
            return;
        }

        xml.WriteStartElement(element);
        xml.WriteStartElement("FinInstnId");
        if (bic is not null)
        {
            xml.WriteElementString("BICFI", bic);
        }

        if (clearing is not null)
        {
            xml.WriteStartElement("ClrSysMmbId");
            xml.WriteElementString("MmbId", Text(clearing, 35));
            xml.WriteEndElement();
        }

        if (bic is null && clearing is null)
        {
            xml.WriteStartElement("Othr");
            xml.WriteElementString("Id", "NOTPROVIDED");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}

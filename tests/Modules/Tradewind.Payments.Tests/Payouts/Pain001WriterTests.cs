using System.Xml.Linq;
using Tradewind.Contracts.Accounts;
using Tradewind.Payments.Payouts;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.Payouts;

public sealed class Pain001WriterTests
{
    private static readonly XNamespace Ns = Pain001Writer.Namespace;
    private static readonly DateTimeOffset Created = new(2026, 12, 8, 9, 30, 0, TimeSpan.Zero);

    private static readonly PainDebtor EuDebtor = new(
        "Tradewind Europe B.V.", "Amsterdam", "1017 CE", "NL", new PaymentAccountDetails("Tradewind Europe B.V.", "NL", "EUR", "NL91 ABNA 0417 1643 00", null, "ABNANL2A", null, "4300"));

    [Fact]
    public void A_eur_batch_is_a_sepa_credit_transfer_that_validates_against_the_schema()
    {
        var xml = Pain001Writer.Write("TW0192a0000000700080000000000001", Created, new DateOnly(2026, 12, 8), EuDebtor,
        [
            new PainTransfer("PO0192a0000000700080000000000011", Money.Parse("1030.55", Currency.EUR), "Kettenwerk Software GmbH",
                new PaymentAccountDetails("Kettenwerk Software GmbH", "DE", "EUR", "DE89 3704 0044 0532 0130 00", null, null, null, "3000"), "Tradewind payout PO0192a"),
            new PainTransfer("PO0192a0000000700080000000000012", Money.Parse("500.00", Currency.EUR), "Société Générale d'Été ß",
                new PaymentAccountDetails("Société Générale d'Été ß", "BE", "EUR", "BE68539007547034", null, "GEBABEBB", null, "7034"), "Payout"),
        ]);

        Assert.Empty(Pain001Schema.Errors(xml));
        var document = XDocument.Parse(xml);
        var info = document.Descendants(Ns + "PmtInf").Single();
        Assert.Equal("SEPA", info.Element(Ns + "PmtTpInf")!.Element(Ns + "SvcLvl")!.Element(Ns + "Cd")!.Value);
        Assert.Equal("SLEV", info.Element(Ns + "ChrgBr")!.Value);
        Assert.Equal("1530.55", document.Descendants(Ns + "GrpHdr").Single().Element(Ns + "CtrlSum")!.Value);
        Assert.Equal("2", info.Element(Ns + "NbOfTxs")!.Value);
        Assert.Equal(["PO0192a0000000700080000000000011", "PO0192a0000000700080000000000012"], document.Descendants(Ns + "EndToEndId").Select(e => e.Value));
        Assert.Equal(["DE89370400440532013000", "BE68539007547034"], document.Descendants(Ns + "CdtrAcct").Select(a => a.Descendants(Ns + "IBAN").Single().Value));
        // The SEPA character set: accents dropped, ß spelt out; the creditor without a BIC goes IBAN-only.
        Assert.Equal("Societe Generale d'Ete ss", document.Descendants(Ns + "Cdtr").Last().Element(Ns + "Nm")!.Value);
        Assert.Single(document.Descendants(Ns + "CdtrAgt"));
    }

    [Fact]
    public void A_gbp_batch_to_local_accounts_is_a_non_sepa_transfer_with_sort_codes_that_validates()
    {
        var debtor = new PainDebtor("Tradewind UK Ltd", "London", null, "GB", new PaymentAccountDetails("Tradewind UK Ltd", "GB", "GBP", null, "31926819", null, "60-16-13", "6819"));
        var xml = Pain001Writer.Write("TW0192a0000000700080000000000002", Created, new DateOnly(2026, 12, 8), debtor,
        [
            new PainTransfer("PO0192a0000000700080000000000021", Money.Parse("250.10", Currency.GBP), "Hollowbrook Cloud Ltd",
                new PaymentAccountDetails("Hollowbrook Cloud Ltd", "GB", "GBP", null, "55779911", null, "20-00-00", "9911"), "Tradewind payout"),
        ]);

        Assert.Empty(Pain001Schema.Errors(xml));
        var document = XDocument.Parse(xml);
        Assert.Empty(document.Descendants(Ns + "PmtTpInf"));
        Assert.Equal("SHAR", document.Descendants(Ns + "ChrgBr").Single().Value);
        Assert.Equal("55779911", document.Descendants(Ns + "CdtrAcct").Single().Descendants(Ns + "Othr").Single().Element(Ns + "Id")!.Value);
        Assert.Equal("20-00-00", document.Descendants(Ns + "CdtrAgt").Single().Descendants(Ns + "MmbId").Single().Value);
        Assert.Equal("GBP", document.Descendants(Ns + "InstdAmt").Single().Attribute("Ccy")!.Value);
    }

    [Fact]
    public void A_yen_amount_has_no_decimals_and_a_debtor_bank_without_bic_is_not_provided()
    {
        var debtor = new PainDebtor("Tradewind Japan G.K.", "Tokyo", null, "JP", new PaymentAccountDetails("Tradewind Japan G.K.", "JP", "JPY", null, "1234567", null, null, "4567"));
        var xml = Pain001Writer.Write("TW0192a0000000700080000000000003", Created, new DateOnly(2026, 12, 8), debtor,
        [
            new PainTransfer("PO0192a0000000700080000000000031", Money.Parse("125000", Currency.JPY), "Kumonami Systems K.K.",
                new PaymentAccountDetails("Kumonami Systems K.K.", "JP", "JPY", null, "7654321", null, "0001-001", "4321"), "Tradewind payout"),
        ]);

        Assert.Empty(Pain001Schema.Errors(xml));
        var document = XDocument.Parse(xml);
        Assert.Equal("125000", document.Descendants(Ns + "InstdAmt").Single().Value);
        Assert.Equal("NOTPROVIDED", document.Descendants(Ns + "DbtrAgt").Single().Descendants(Ns + "Id").Single().Value);
    }

    [Theory]
    [InlineData("Müller & Söhne GmbH", "Muller Sohne GmbH")]
    [InlineData("株式会社", "-")]
    [InlineData("  A//B  ", "A//B")]
    public void Text_is_reduced_to_the_sepa_character_set(string input, string expected) => Assert.Equal(expected, Pain001Writer.Text(input, 70));

    [Fact]
    public void Text_is_cut_to_the_field_length() => Assert.Equal(70, Pain001Writer.Text(new string('x', 200), 70).Length);
}

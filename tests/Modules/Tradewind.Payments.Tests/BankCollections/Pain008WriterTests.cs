using System.Xml.Linq;
using CsCheck;
using Tradewind.Payments.BankCollections;

namespace Tradewind.Payments.Tests.BankCollections;

public sealed class Pain008WriterTests
{
    private static readonly XNamespace Ns = Pain008Writer.Namespace;

    private static readonly Pain008Writer.Creditor Creditor = new("Tradewind Marketplace Europe S.à r.l.", "LU280019400644750000", null, "LU87ZZZ0000000000000000123");

    private static readonly DateTimeOffset CreatedAt = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_batch_groups_first_and_recurring_collections_into_one_payment_information_each_and_validates()
    {
        var xml = Pain008Writer.Write("TWDD-EU-20261215-0001", CreatedAt, new DateOnly(2026, 12, 15), Creditor,
        [
            new("EU-7", 12_345, "TWM0001", new DateOnly(2026, 11, 2), "Zeta Maschinenbau GmbH", "DE89370400440532013000", "COBADEFFXXX", "RCUR", "Invoice EU-7"),
            new("EU-5", 100, "TWM0002", new DateOnly(2026, 11, 20), "Café Müller & Söhne", "FR7630006000011234567890189", null, "FRST", "Invoice EU-5"),
            new("EU-6", 99_900, "TWM0001", new DateOnly(2026, 11, 2), "Zeta Maschinenbau GmbH", "DE89370400440532013000", "COBADEFFXXX", "RCUR", "Invoice EU-6"),
        ]);

        Assert.Empty(Iso20022Schemas.Validate(xml, "pain.008.001.08.xsd"));
        var document = XDocument.Parse(xml);
        var header = document.Descendants(Ns + "GrpHdr").Single();
        Assert.Equal("3", header.Element(Ns + "NbOfTxs")!.Value);
        Assert.Equal("1123.45", header.Element(Ns + "CtrlSum")!.Value);
        var blocks = document.Descendants(Ns + "PmtInf").ToList();
        Assert.Equal(["FRST", "RCUR"], blocks.Select(b => b.Descendants(Ns + "SeqTp").Single().Value));
        Assert.Equal(["EU-6", "EU-7"], blocks[1].Descendants(Ns + "EndToEndId").Select(e => e.Value));
        Assert.Equal("1122.45", blocks[1].Element(Ns + "CtrlSum")!.Value);
        Assert.All(blocks, b => Assert.Equal("LU87ZZZ0000000000000000123", b.Element(Ns + "CdtrSchmeId")!.Descendants(Ns + "Id").Last().Value));
        Assert.All(blocks, b => Assert.Equal("2026-12-15", b.Element(Ns + "ReqdColltnDt")!.Value));
        // SEPA's character set: accents dropped, '&' replaced.
        Assert.Equal("Tradewind Marketplace Europe S.a r.l.", blocks[0].Element(Ns + "Cdtr")!.Element(Ns + "Nm")!.Value);
        Assert.Equal("Cafe Muller Sohne", blocks[0].Descendants(Ns + "Dbtr").Single().Element(Ns + "Nm")!.Value);
        Assert.Equal("NOTPROVIDED", blocks[0].Descendants(Ns + "DbtrAgt").Single().Descendants(Ns + "Id").Single().Value);
        Assert.Equal("TWM0002", blocks[0].Descendants(Ns + "MndtId").Single().Value);
        Assert.Equal("2026-11-20", blocks[0].Descendants(Ns + "DtOfSgntr").Single().Value);
    }

    [Fact]
    public void Every_generated_batch_validates_against_the_pain_008_001_08_schema_and_its_sums_add_up()
    {
        var name = Gen.String[Gen.Char.AlphaNumeric, 1, 90].Select(s => s + " äöüß & Ünïcödé");
        var transaction = Gen.Select(Gen.Long[1, 99_999_999_99L], name, Gen.Bool, Gen.Bool.Select(first => first ? "FRST" : "RCUR"), Gen.Int[1, 999_999])
            .Select((amount, debtor, withBic, sequence, number) => new Pain008Writer.Transaction(
                $"EU-{number}", amount, $"TWM{number}", new DateOnly(2026, 1, 31), debtor, "DE89370400440532013000", withBic ? "DEUTDEFF" : null, sequence, $"Invoice EU-{number}"));
        transaction.Array[1, 30].Sample(
            transactions =>
            {
                var xml = Pain008Writer.Write("TWDD-EU-20261215-ABCDEF12", CreatedAt, new DateOnly(2026, 12, 15), Creditor, transactions);
                var header = XDocument.Parse(xml).Descendants(Ns + "GrpHdr").Single();
                var expected = (transactions.Sum(t => t.AmountMinor) / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
                return Iso20022Schemas.Validate(xml, "pain.008.001.08.xsd").Count == 0 && header.Element(Ns + "CtrlSum")!.Value == expected;
            },
            iter: 200);
    }
}

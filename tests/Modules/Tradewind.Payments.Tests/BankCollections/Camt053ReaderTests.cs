using Tradewind.Contracts;
using Tradewind.Payments.BankCollections;

namespace Tradewind.Payments.Tests.BankCollections;

public sealed class Camt053ReaderTests
{
    private static string Example => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BankCollections", "Files", "camt.053.001.08-statement.xml"));

    [Fact]
    public void The_example_statement_reads_as_one_credit_with_its_references_and_one_batch_debit()
    {
        var statement = Assert.Single(Camt053Reader.Read(Example));

        Assert.Equal("2025-03-17-0001", statement.StatementId);
        Assert.Equal("STMT-20250317-DE89", statement.MessageId);
        Assert.Equal("DE89370400440532013000", statement.AccountIban);
        var credit = statement.Items[0];
        Assert.True(credit.Credit);
        Assert.True(credit.Booked);
        Assert.Equal(1250.00m, credit.Amount);
        Assert.Equal("EUR", credit.Currency);
        Assert.Equal("BANKREF-0001", credit.EntryReference);
        Assert.Equal("MP-DE-2025-000124", credit.EndToEndId);
        Assert.Equal("Invoice MP-DE-2025-000124", credit.Unstructured);
        Assert.Equal(new DateOnly(2025, 3, 15), credit.BookingDate);
        var debit = statement.Items[1];
        Assert.False(debit.Credit);
        Assert.Equal(1530.55m, debit.Amount);
    }

    [Fact]
    public void A_document_that_breaks_the_schema_is_refused_as_a_validation_problem()
    {
        var broken = Example.Replace("<CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts>", "<CdtDbtInd>CREDIT</CdtDbtInd>\n        <Sts>", StringComparison.Ordinal);

        var refused = Assert.Throws<ValidationFailedException>(() => Camt053Reader.Read(broken));
        Assert.Contains("file", refused.Errors.Keys);
        Assert.Throws<ValidationFailedException>(() => Camt053Reader.Read("<not-xml"));
        Assert.Throws<ValidationFailedException>(() => Camt053Reader.Read("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"/>"));
    }
}

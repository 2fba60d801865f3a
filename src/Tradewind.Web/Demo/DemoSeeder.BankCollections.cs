using System.Globalization;
using System.Xml.Linq;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>
/// The demo's bank collections: the German buyer's SEPA mandate with the EU entity (its direct debits are in
/// DemoSeeder.DirectDebit.cs), and a camt.053 statement of the EU entity's account that pays two open invoices by their
/// RF reference and brings one transfer nobody can place, which waits in the operator's unmatched queue.
/// </summary>
internal sealed partial class DemoSeeder
{
    private static readonly XNamespace Camt = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    private async Task SeedBankCollectionsAsync(OrganisationId operatorId, List<(OrganisationDto Organisation, UserDto User)> buyers, CancellationToken cancellationToken)
    {
        if (services.GetService<IBankCollectionCommands>() is not { } bank || services.GetService<IBankCollectionQueries>() is not { } bankQueries
            || services.GetService<OutboxProcessor>() is not { } outbox || buyers.Count == 0)
        {
            return;
        }

        // Payments learns of finalized invoices from the outbox; deliver it now rather than moments later in the background.
        while (await outbox.DispatchPendingAsync(cancellationToken) > 0)
        {
        }

        // The mandate is signed when the history begins (DemoSeeder.DirectDebit.cs); without the demo clock it is signed now.
        var german = buyers[0].Organisation;
        if ((await bankQueries.ListMandatesAsync(german.Id, new PageRequest(1, 1), cancellationToken)).Items.Count == 0)
        {
            await bank.CreateMandateAsync(german.Id, new NewSepaMandate(german.Name, DirectDebitIban, DirectDebitBic, Accepted: true, DirectDebitEntity), Actor, cancellationToken);
        }

        // The transfers pay invoices nobody collects by direct debit.
        var directDebited = await DirectDebitInvoicesAsync(cancellationToken);

        var caller = new BillingCaller(operatorId, Roles.Operator, Actor);
        var open = (await services.GetRequiredService<IBillingQueries>().ListInvoicesAsync(
                new InvoiceFilter(Status: InvoiceStatus.Finalized, Kind: InvoiceKind.Invoice), caller, new PageRequest(1, PageRequest.MaxSize), cancellationToken))
            .Items.Where(i => i.Total.IsPositive && !directDebited.Contains(i.Id)).OrderBy(i => i.Number, StringComparer.Ordinal).Take(2).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var entries = new List<XElement>();
        foreach (var invoice in open)
        {
            if (await bankQueries.FindTransferDetailsAsync(invoice.Id, cancellationToken) is { } transfer)
            {
                entries.Add(CamtCredit($"DEMO-{entries.Count + 1}", transfer.Amount.ToMajorString(), transfer.Amount.Currency.Code, invoice.BuyerName, transfer.RfReference, null, today));
            }
        }

        entries.Add(CamtCredit($"DEMO-{entries.Count + 1}", "150.00", "EUR", "Nordlicht Handels GmbH", null, "Vorauszahlung Q1", today));
        var statement = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                Camt + "Document",
                new XElement(
                    Camt + "BkToCstmrStmt",
                    new XElement(Camt + "GrpHdr", new XElement(Camt + "MsgId", $"DEMO-STMT-{today:yyyyMMdd}"), new XElement(Camt + "CreDtTm", $"{today:yyyy-MM-dd}T06:00:00")),
                    new XElement(
                        Camt + "Stmt",
                        new XElement(Camt + "Id", $"DEMO-{today:yyyy-MM-dd}-0001"),
                        new XElement(Camt + "Acct", new XElement(Camt + "Id", new XElement(Camt + "IBAN", "LU280019400644750000"))),
                        CamtBalance("OPBD", today),
                        CamtBalance("CLBD", today),
                        entries))));
        await bank.ImportStatementAsync(statement.Declaration + Environment.NewLine + statement, Actor, cancellationToken);
    }

    private static XElement CamtBalance(string code, DateOnly day) => new(
        Camt + "Bal",
        new XElement(Camt + "Tp", new XElement(Camt + "CdOrPrtry", new XElement(Camt + "Cd", code))),
        new XElement(Camt + "Amt", new XAttribute("Ccy", "EUR"), "0.00"),
        new XElement(Camt + "CdtDbtInd", "CRDT"),
        new XElement(Camt + "Dt", new XElement(Camt + "Dt", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));

    private static XElement CamtCredit(string reference, string amount, string currency, string payer, string? rf, string? text, DateOnly day)
    {
        var remittance = new XElement(Camt + "RmtInf");
        if (text is not null)
        {
            remittance.Add(new XElement(Camt + "Ustrd", text));
        }

        if (rf is not null)
        {
            remittance.Add(new XElement(Camt + "Strd", new XElement(Camt + "CdtrRefInf", new XElement(Camt + "Ref", rf))));
        }

        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new XElement(
            Camt + "Ntry",
            new XElement(Camt + "Amt", new XAttribute("Ccy", currency), amount),
            new XElement(Camt + "CdtDbtInd", "CRDT"),
            new XElement(Camt + "Sts", new XElement(Camt + "Cd", "BOOK")),
            new XElement(Camt + "BookgDt", new XElement(Camt + "Dt", date)),
            new XElement(Camt + "ValDt", new XElement(Camt + "Dt", date)),
            new XElement(Camt + "AcctSvcrRef", reference),
            new XElement(Camt + "BkTxCd", new XElement(Camt + "Domn", new XElement(Camt + "Cd", "PMNT"), new XElement(Camt + "Fmly", new XElement(Camt + "Cd", "RCDT"), new XElement(Camt + "SubFmlyCd", "ESCT")))),
            new XElement(
                Camt + "NtryDtls",
                new XElement(
                    Camt + "TxDtls",
                    new XElement(Camt + "Refs", new XElement(Camt + "EndToEndId", "NOTPROVIDED")),
                    new XElement(Camt + "Amt", new XAttribute("Ccy", currency), amount),
                    new XElement(Camt + "CdtDbtInd", "CRDT"),
                    new XElement(Camt + "RltdPties", new XElement(Camt + "Dbtr", new XElement(Camt + "Pty", new XElement(Camt + "Nm", payer)))),
                    remittance)));
    }
}

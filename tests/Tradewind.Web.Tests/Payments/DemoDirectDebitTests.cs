using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence.Outbox;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.Payments;

/// <summary>
/// The demo collects the German buyer's invoices from the EU entity by SEPA direct debit: pre-notified, batched in
/// pain.008.001.08 files (first FRST, then RCUR), settled, posted to the ledger and paid out to the seller.
/// </summary>
public sealed class DemoDirectDebitTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static readonly XNamespace Pain = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_german_buyers_invoices_from_the_eu_entity_are_pre_notified_and_collected_in_valid_pain_008_batches_first_frst_then_rcur()
    {
        var outbox = app.Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.DispatchPendingAsync(_ct) > 0)
        {
        }

        var (german, mandates, batches, collections, invoices) = await app.WithScopeAsync(async s =>
        {
            var operatorOrganisation = (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), _ct)).Items[0];
            var buyer = (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Buyer, new PageRequest(1, 50), _ct)).Items.Single(o => o.CountryCode == "DE");
            var bank = s.GetRequiredService<IBankCollectionQueries>();
            var caller = new BillingCaller(operatorOrganisation.Id, Roles.Operator, "test");
            var all = await s.GetRequiredService<IBillingQueries>().ListInvoicesAsync(new InvoiceFilter(Kind: InvoiceKind.Invoice), caller, new PageRequest(1, PageRequest.MaxSize), _ct);
            return (
                buyer,
                await bank.ListMandatesAsync(buyer.Id, new PageRequest(1, 10), _ct),
                await bank.ListBatchesAsync(new PageRequest(1, 50), _ct),
                await bank.ListCollectionsAsync(null, new PageRequest(1, 50), _ct),
                all.Items.ToDictionary(i => i.Id));
        });

        var mandate = Assert.Single(mandates.Items);
        Assert.Equal("EU", mandate.EntityCode);
        Assert.Equal("LU87ZZZ0000000000000000123", mandate.CreditorId);
        Assert.Equal("DE…3000", mandate.IbanMasked);
        Assert.Equal("RCUR", mandate.NextSequenceType);

        // Every collection is a euro invoice of the EU entity to the German buyer; none was cancelled by a card payment.
        Assert.True(collections.Items.Count >= 3, $"{collections.Items.Count} collections");
        Assert.All(collections.Items, c =>
        {
            Assert.Equal(german.Id, c.BuyerId);
            Assert.Equal("EU", c.EntityCode);
            Assert.Equal("EUR", c.Amount.Currency.Code);
            Assert.Equal(mandate.Id, c.MandateId);
            Assert.StartsWith("EU-", c.InvoiceNumber, StringComparison.Ordinal);
            Assert.NotEqual(DirectDebitCollectionStatus.Cancelled, c.Status);
            Assert.Equal(german.Id, invoices[c.InvoiceId].BuyerId);
        });

        // The history: the first batch collects FRST and is settled; a later one collects RCUR and is settled too.
        var ordered = batches.Items.OrderBy(b => b.CollectionDate).ToList();
        Assert.True(ordered.Count >= 2, $"{ordered.Count} batches");
        Assert.All(ordered[0].Collections, c => Assert.Equal("FRST", c.SequenceType));
        Assert.All(ordered.Skip(1).SelectMany(b => b.Collections), c => Assert.Equal("RCUR", c.SequenceType));
        Assert.Equal(DirectDebitBatchStatus.Settled, ordered[0].Status);
        Assert.Equal(DirectDebitBatchStatus.Settled, ordered[1].Status);

        var settled = collections.Items.Where(c => c.Status == DirectDebitCollectionStatus.Settled).ToList();
        Assert.True(settled.Count >= 2, $"{settled.Count} settled collections");
        Assert.All(settled, c => Assert.Equal(InvoiceStatus.Paid, invoices[c.InvoiceId].Status));

        // Collections whose date has not come are pre-notified and not collected yet: scheduled, or in a batch sent ahead.
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        Assert.All(collections.Items.Where(c => c.DueDate > today), c =>
        {
            Assert.NotEqual(DirectDebitCollectionStatus.Settled, c.Status);
            Assert.Equal(InvoiceStatus.Finalized, invoices[c.InvoiceId].Status);
        });

        // Each file is a valid pain.008.001.08 naming the EU entity's creditor id, the mandate and the debtor's IBAN.
        foreach (var batch in ordered)
        {
            var xml = await app.WithScopeAsync(s => s.GetRequiredService<IBankCollectionQueries>().GetBatchFileAsync(batch.Id, _ct));
            Assert.NotNull(xml);
            Assert.Empty(Camt053Statement.Validate(xml, "pain.008.001.08.xsd"));
            var document = XDocument.Parse(xml);
            Assert.Equal(batch.NumberOfTransactions.ToString(System.Globalization.CultureInfo.InvariantCulture), document.Descendants(Pain + "GrpHdr").Single().Element(Pain + "NbOfTxs")!.Value);
            Assert.Equal(batch.Total.ToMajorString(), document.Descendants(Pain + "GrpHdr").Single().Element(Pain + "CtrlSum")!.Value);
            Assert.Equal("LU87ZZZ0000000000000000123", document.Descendants(Pain + "CdtrSchmeId").Single().Descendants(Pain + "Id").Last().Value);
            var transaction = Assert.Single(document.Descendants(Pain + "DrctDbtTxInf"));
            Assert.Equal(mandate.Reference, transaction.Descendants(Pain + "MndtId").Single().Value);
            Assert.Equal("DE89370400440532013000", transaction.Element(Pain + "DbtrAcct")!.Descendants(Pain + "IBAN").Single().Value);
            Assert.Equal(batch.Collections.Single().InvoiceNumber, transaction.Descendants(Pain + "EndToEndId").Single().Value);
        }

        // Each collection was pre-notified in the buyer's inbox.
        var inbox = await app.WithScopeAsync(s => s.GetRequiredService<IBuyerNotifications>().ListAsync(german.Id, new PageRequest(1, PageRequest.MaxSize), _ct));
        Assert.Equal(collections.Items.Count, inbox.Items.Count(n => n.Kind == NotificationKind.DirectDebitScheduled));
    }

    [Fact]
    public async Task The_settled_direct_debits_are_posted_to_the_ledger_which_balances_in_every_currency_and_the_sellers_payout_includes_one()
    {
        var outbox = app.Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.DispatchPendingAsync(_ct) > 0)
        {
        }

        var settled = await app.WithScopeAsync(async s =>
            (await s.GetRequiredService<IBankCollectionQueries>().ListCollectionsAsync(DirectDebitCollectionStatus.Settled, new PageRequest(1, 50), _ct)).Items);
        Assert.NotEmpty(settled);
        foreach (var collection in settled)
        {
            var entries = await app.WithScopeAsync(s => s.GetRequiredService<ILedgerQueries>().ListEntriesAsync(
                new LedgerEntryFilter(SourcePrefix: $"payment:invoice:{collection.InvoiceId.Value}"), new PageRequest(1, 10), _ct));
            var entry = Assert.Single(entries.Items);
            Assert.Equal("EU", entry.EntityCode);
        }

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var balance = await app.WithScopeAsync(s => s.GetRequiredService<ILedgerQueries>().GetTrialBalanceAsync(null, null, now, _ct));
        Assert.Contains(balance.Currencies, c => c.Currency == "EUR");
        Assert.All(balance.Currencies, c => Assert.Equal(c.Debits, c.Credits));
        var eu = await app.WithScopeAsync(s => s.GetRequiredService<ILedgerQueries>().GetTrialBalanceAsync("EU", null, now, _ct));
        Assert.NotEmpty(eu.Currencies);
        Assert.All(eu.Currencies, c => Assert.Equal(c.Debits, c.Credits));

        // The seller (Kettenwerk, EMEA-eligible) was paid out by the EU entity for the first collected invoice.
        var kettenwerk = await app.WithScopeAsync(async s =>
            (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Seller, new PageRequest(1, 50), _ct)).Items.Single(o => o.Name == "Kettenwerk Software GmbH"));
        var earnings = await app.WithScopeAsync(s => s.GetRequiredService<IPayoutQueries>().GetSellerEarningsAsync(kettenwerk.Id, now.AddYears(-1), now.AddDays(1), _ct));
        var first = settled.MinBy(c => c.DueDate)!;
        // One line per currency of the seller's proceeds on the invoice: the single sign-on's in USD, and the EUR private
        // offer's first installment, which the EU entity invoiced on the same document.
        var lines = earnings.Lines.Where(l => l.InvoiceId == first.InvoiceId).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.Equal("EU", line.EntityCode);
            Assert.NotNull(line.PayoutId);
            Assert.Equal(PayoutStatus.Paid, line.PayoutStatus);
            Assert.Contains(earnings.Payouts, p => p.Id == line.PayoutId && p.EntityCode == "EU" && p.Status == PayoutStatus.Paid);
        });
    }

    [Fact]
    public async Task The_operator_reads_the_demo_batches_and_their_files_through_the_api()
    {
        var key = await app.WithScopeAsync(async s =>
        {
            var operatorOrganisation = (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), _ct)).Items[0];
            return await s.GetRequiredService<IAccountsCommands>().IssueApiKeyAsync(operatorOrganisation.Id, "direct-debit test", "test", _ct);
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);

        var list = await client.GetAsync("/api/v1/direct-debit-batches", _ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var batches = (await list.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.True(batches.Count >= 2, $"{batches.Count} batches");
        Assert.Contains(batches, b => b.GetProperty("status").GetString() == "settled");
        var id = batches[0].GetProperty("id").GetString();
        var file = await client.GetAsync($"/api/v1/direct-debit-batches/{id}/file", _ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/xml", file.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Camt053Statement.Validate(await file.Content.ReadAsStringAsync(_ct), "pain.008.001.08.xsd"));

        var collections = await client.GetAsync("/api/v1/direct-debit-batches/collections?status=settled", _ct);
        Assert.Equal(HttpStatusCode.OK, collections.StatusCode);
        Assert.NotEmpty((await collections.ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }
}

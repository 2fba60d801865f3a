using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Persistence.Outbox;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.Billing;

public sealed class DemoBillingTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_bills_its_usage_history_into_finalized_invoices_whose_totals_are_their_lines_plus_tax()
    {
        var invoices = await app.WithScopeAsync(async s =>
        {
            var operatorOrganisation = (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), _ct)).Items[0];
            var caller = new BillingCaller(operatorOrganisation.Id, Roles.Operator, "test");
            var billing = s.GetRequiredService<IBillingQueries>();
            var page = await billing.ListInvoicesAsync(new InvoiceFilter(Kind: InvoiceKind.Invoice), caller, new PageRequest(1, PageRequest.MaxSize), _ct);
            var documents = new List<InvoiceDto>();
            foreach (var item in page.Items)
            {
                documents.Add((await billing.FindInvoiceAsync(item.Id, caller, _ct))!);
            }

            return documents;
        });

        var runs = await app.WithScopeAsync(s => s.GetRequiredService<IBillingQueries>().ListRunsAsync(new PageRequest(1, 10), _ct));
        Assert.NotEmpty(invoices);

        // Month by month, as the job would have: issued on the 1st of several months, in several currencies, the older ones paid.
        Assert.True(invoices.Select(i => i.IssueDate).Distinct().Count() >= 2, "invoices from at least two monthly runs");
        Assert.Contains(invoices, i => i.Currency == "EUR");
        Assert.Contains(invoices, i => i.Currency == "JPY" && i.Language == "ja");
        Assert.Contains(invoices, i => i.Currency == "USD");
        Assert.Contains(invoices, i => i.Status == InvoiceStatus.Paid);
        Assert.All(invoices, i => Assert.Equal(1, i.IssueDate!.Value.Day));
        Assert.True(runs.Items.All(r => r.Errors.Count == 0), string.Join("; ", runs.Items.SelectMany(r => r.Errors)));
        Assert.All(invoices, i =>
        {
            Assert.Contains(i.Status, new[] { InvoiceStatus.Finalized, InvoiceStatus.Paid });
            Assert.NotNull(i.Number);
            Assert.Equal(i.Subtotal.MinorUnits, i.Lines.Sum(l => l.Amount.MinorUnits));
            Assert.Equal(i.TotalTax.MinorUnits, i.Lines.Sum(l => l.Tax.TaxAmount.MinorUnits));
            Assert.Equal(i.Total, i.Subtotal + i.TotalTax);
        });
    }

    [Fact]
    public async Task The_billing_events_cross_the_outbox_with_their_amounts_and_reach_the_buyers_inbox()
    {
        await app.Services.GetRequiredService<OutboxProcessor>().DispatchPendingAsync(_ct);

        var failed = await app.WithScopeAsync(s => s.GetRequiredService<TradewindDbContext>().OutboxMessages
            .Where(m => m.Type.Contains("Billing") && m.LastError != null)
            .Select(m => m.Type + ": " + m.LastError)
            .ToListAsync(_ct));

        Assert.Empty(failed);
        var (buyer, subjects) = await app.WithScopeAsync(async s =>
        {
            var accounts = s.GetRequiredService<IAccountsQueries>();
            var japanese = (await accounts.ListOrganisationsAsync(OrganisationKind.Buyer, new PageRequest(1, 50), _ct)).Items.First(o => o.CountryCode == "JP");
            var inbox = await s.GetRequiredService<IBuyerNotifications>().ListAsync(japanese.Id, new PageRequest(1, 50), _ct);
            return (japanese, inbox.Items.Select(n => n.Subject).ToList());
        });
        Assert.Contains(subjects, subject => subject.Contains("JP-", StringComparison.Ordinal));
        Assert.NotNull(buyer);
    }

    [Fact]
    public async Task Every_demo_document_is_posted_to_the_ledger_once_and_the_trial_balance_balances_in_every_currency()
    {
        var outbox = app.Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.DispatchPendingAsync(_ct) > 0)
        {
        }

        var (documents, entries, balance, conversions) = await app.WithScopeAsync(async s =>
        {
            var operatorOrganisation = (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), _ct)).Items[0];
            var issued = await s.GetRequiredService<IBillingQueries>().ListInvoicesAsync(
                new InvoiceFilter(), new BillingCaller(operatorOrganisation.Id, Roles.Operator, "test"), new PageRequest(1, PageRequest.MaxSize), _ct);
            var ledger = s.GetRequiredService<ILedgerQueries>();
            var invoices = await ledger.ListEntriesAsync(new LedgerEntryFilter(Kind: "invoice"), new PageRequest(1, 1), _ct);
            var credits = await ledger.ListEntriesAsync(new LedgerEntryFilter(Kind: "credit-note"), new PageRequest(1, 1), _ct);
            var trial = await ledger.GetTrialBalanceAsync(null, null, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), _ct);
            var fx = await ledger.ListEntriesAsync(new LedgerEntryFilter(Kind: "fx"), new PageRequest(1, 1), _ct);
            return (issued.Items.Count(i => i.Status != InvoiceStatus.Draft), invoices.TotalCount + credits.TotalCount, trial, fx.TotalCount);
        });

        Assert.Equal(documents, entries);
        // The paid EUR and JPY invoices of USD listings converted their net into dollars when the buyer paid.
        Assert.True(conversions > 0, "No paid invoice in another currency than its listing's was converted.");
        Assert.Contains(balance.Currencies, c => c.Currency == "USD");
        Assert.Contains(balance.Currencies, c => c.Currency == "EUR");
        Assert.Contains(balance.Currencies, c => c.Currency == "JPY");
        Assert.All(balance.Currencies, c => Assert.Equal(c.Debits, c.Credits));
        Assert.Contains(balance.Accounts, a => a.Account == LedgerAccountType.SellerPayable && a.Balance.MinorUnits < 0);
        Assert.Contains(balance.Accounts, a => a.Account == LedgerAccountType.FeeRevenue && a.Balance.MinorUnits < 0);
    }
}

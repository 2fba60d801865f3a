using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence.Outbox;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.Payments;

public sealed class DemoCollectionsTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_pays_its_past_invoices_by_sandbox_card_but_one_declined_and_its_ledger_balances()
    {
        var payments = await app.WithScopeAsync(async s =>
        {
            var operatorOrganisation = (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), _ct)).Items[0];
            return await s.GetRequiredService<ICollectionsQueries>().ListPaymentsAsync(
                new PaymentFilter(), new CollectionsCaller(operatorOrganisation.Id, Roles.Operator, "test"), new PageRequest(1, PageRequest.MaxSize), _ct);
        });

        Assert.Contains(payments.Items, p => p.Status == PaymentStatus.Succeeded);
        Assert.All(payments.Items, p => Assert.True(p.Sandbox));
        var declined = Assert.Single(payments.Items, p => p.Status == PaymentStatus.Declined && p.Trigger == "buyer");
        Assert.DoesNotContain(payments.Items, p => p.InvoiceId == declined.InvoiceId && p.Status == PaymentStatus.Succeeded);
        var steps = await app.WithScopeAsync(s => s.GetRequiredService<ICollectionsQueries>().ListDunningStepsAsync(declined.InvoiceId, _ct));
        Assert.All(steps, step => Assert.StartsWith("retry-", step.Step, StringComparison.Ordinal));

        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.DispatchPendingAsync(_ct) > 0)
        {
        }

        var balance = await app.WithScopeAsync(s => s.GetRequiredService<ILedgerQueries>().GetTrialBalanceAsync(null, null, DateTimeOffset.MaxValue, _ct));
        Assert.NotEmpty(balance.Currencies);
        Assert.All(balance.Currencies, c => Assert.Equal(c.Debits, c.Credits));
    }
}

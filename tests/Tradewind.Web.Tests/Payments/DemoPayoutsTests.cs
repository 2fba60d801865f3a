using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.Payments;

public sealed class DemoPayoutsTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_pays_out_its_paid_history_returns_one_payout_and_its_ledger_balances_in_every_currency()
    {
        var payouts = await app.WithScopeAsync(s => s.GetRequiredService<IPayoutQueries>().ListAsync(new PayoutFilter(), new PageRequest(1, PageRequest.MaxSize), _ct));
        Assert.NotEmpty(payouts.Items);
        Assert.Contains(payouts.Items, p => p.Status == PayoutStatus.Paid && p.FileId is not null);
        var returned = Assert.Single(payouts.Items, p => p.Status == PayoutStatus.Returned);

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var position = await app.WithScopeAsync(s => s.GetRequiredService<IPayoutQueries>().GetPositionAsync(now, _ct));
        Assert.NotEmpty(position.Cash);
        Assert.NotEmpty(position.TaxPayable);
        // The returned amount is owed to its seller again.
        Assert.Contains(position.PayoutsDue, d => d.SellerId == returned.SellerId && d.Payable.Currency == returned.Amount.Currency && d.Payable >= returned.Amount);

        var earnings = await app.WithScopeAsync(s => s.GetRequiredService<IPayoutQueries>().GetSellerEarningsAsync(returned.SellerId, now.AddYears(-1), now.AddDays(1), _ct));
        Assert.Contains(earnings.Lines, l => l.PayoutId is not null);

        var balance = await app.WithScopeAsync(s => s.GetRequiredService<ILedgerQueries>().GetTrialBalanceAsync(null, null, now, _ct));
        Assert.All(balance.Currencies, c => Assert.Equal(c.Debits, c.Credits));
    }
}

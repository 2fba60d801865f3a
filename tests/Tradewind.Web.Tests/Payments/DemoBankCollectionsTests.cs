using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.Payments;

public sealed class DemoBankCollectionsTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_a_mandate_with_the_eu_entity_and_a_statement_that_paid_two_invoices_and_left_one_credit_unmatched()
    {
        var (mandates, statements, unmatched) = await app.WithScopeAsync(async s =>
        {
            var bank = s.GetRequiredService<IBankCollectionQueries>();
            return (
                await bank.ListMandatesAsync(null, new PageRequest(1, 50), _ct),
                await bank.ListStatementsAsync(new PageRequest(1, 50), _ct),
                await bank.ListUnmatchedAsync(false, new PageRequest(1, 50), _ct));
        });

        var mandate = Assert.Single(mandates.Items);
        Assert.Equal("EU", mandate.EntityCode);
        Assert.Equal("LU87ZZZ0000000000000000123", mandate.CreditorId);
        Assert.Equal(SepaMandateStatus.Active, mandate.Status);
        var statement = Assert.Single(statements.Items);
        Assert.Equal(2, statement.Matched);
        Assert.Equal(1, statement.Unmatched);
        var waiting = Assert.Single(unmatched.Items);
        Assert.Equal("150.00", waiting.Amount.ToMajorString());
    }
}

using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Demo;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>The test host with the operator's six demo entities (US, EU, IN, AU, JP, KR) and the default routing table.</summary>
public sealed class EntitiesApp : TradewindApp
{
    protected override async Task SeedAsync(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<IAccountsCommands>();
        foreach (var entity in DemoSeeder.OperatorEntities)
        {
            await accounts.CreateOperatorEntityAsync(entity, "test", TestContext.Current.CancellationToken);
        }
    }
}

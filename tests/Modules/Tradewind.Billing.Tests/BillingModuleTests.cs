using Microsoft.Extensions.DependencyInjection;

namespace Tradewind.Billing.Tests;

public sealed class BillingModuleTests
{
    [Fact]
    public void The_module_registers_into_a_service_collection()
    {
        var services = new ServiceCollection();

        var returned = services.AddBillingModule();

        Assert.Same(services, returned);
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Tradewind.Analytics.Tests;

public sealed class ModuleRegistrationTests
{
    [Fact]
    public void Registering_the_module_returns_the_same_collection_for_chaining()
    {
        var services = new ServiceCollection();
        Assert.Same(services, services.AddAnalyticsModule());
    }
}

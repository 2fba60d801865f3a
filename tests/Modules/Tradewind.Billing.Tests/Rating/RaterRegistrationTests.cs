using Microsoft.Extensions.DependencyInjection;
using Tradewind.Billing.Rating;

namespace Tradewind.Billing.Tests.Rating;

public sealed class RaterRegistrationTests
{
    [Fact]
    public void The_module_registers_one_shared_rater()
    {
        using var provider = new ServiceCollection().AddBillingModule().BuildServiceProvider();

        var rater = provider.GetRequiredService<IRater>();

        Assert.IsType<Rater>(rater);
        Assert.Same(rater, provider.GetRequiredService<IRater>());
    }
}

using Microsoft.Extensions.DependencyInjection;
using Tradewind.Persistence;

namespace Tradewind.Tax.Rates;

/// <summary>Loads the rates file at start-up, so an invalid file (overlapping periods, unknown codes) stops the host.</summary>
internal sealed class RatesCheck(IServiceProvider services) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<RateBook>();
        return Task.CompletedTask;
    }
}

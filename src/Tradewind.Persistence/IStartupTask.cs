namespace Tradewind.Persistence;

/// <summary>
/// Work a module needs done once the schema is current and before requests are served (reference data, roles).
/// Must be idempotent: every node runs it at every start.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}

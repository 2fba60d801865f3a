using System.Collections.Frozen;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Web.AwsApi;

/// <summary>
/// The operations modules registered as <see cref="IAwsOperation"/>, by <c>X-Amz-Target</c> (case-sensitive, as
/// AWS matches it). Two operations claiming one target is a start-up error, not a silent override.
/// </summary>
internal sealed class AwsOperationRegistry
{
    private readonly FrozenDictionary<string, IAwsOperation> _operations;

    public AwsOperationRegistry(IEnumerable<IAwsOperation> operations)
    {
        var byTarget = new Dictionary<string, IAwsOperation>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (!byTarget.TryAdd(operation.Target, operation))
            {
                throw new InvalidOperationException($"Two AWS operations claim the target '{operation.Target}'.");
            }
        }

        _operations = byTarget.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Targets => _operations.Keys;

    public bool TryFind(string target, out IAwsOperation operation) => _operations.TryGetValue(target, out operation!);
}

namespace Tradewind.Primitives.Ids;

public readonly record struct OperatorEntityId(Guid Value) : ITypedId<OperatorEntityId>
{
    public static OperatorEntityId From(Guid value) => new(value);

    public static OperatorEntityId New(TimeProvider clock) => new(Guid.CreateVersion7(clock.GetUtcNow()));

    public override string ToString() => Value.ToString("D");
}

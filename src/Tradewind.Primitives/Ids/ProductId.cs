namespace Tradewind.Primitives.Ids;

public readonly record struct ProductId(Guid Value) : ITypedId<ProductId>
{
    public static ProductId From(Guid value) => new(value);

    public static ProductId New(TimeProvider clock) => new(Guid.CreateVersion7(clock.GetUtcNow()));

    public override string ToString() => Value.ToString("D");
}

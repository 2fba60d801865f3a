namespace Tradewind.Primitives.Ids;

public readonly record struct CategoryId(Guid Value) : ITypedId<CategoryId>
{
    public static CategoryId From(Guid value) => new(value);

    public static CategoryId New(TimeProvider clock) => new(Guid.CreateVersion7(clock.GetUtcNow()));

    public override string ToString() => Value.ToString("D");
}

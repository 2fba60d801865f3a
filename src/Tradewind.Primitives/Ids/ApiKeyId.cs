namespace Tradewind.Primitives.Ids;

public readonly record struct ApiKeyId(Guid Value) : ITypedId<ApiKeyId>
{
    public static ApiKeyId From(Guid value) => new(value);

    public static ApiKeyId New(TimeProvider clock) => new(Guid.CreateVersion7(clock.GetUtcNow()));

    public override string ToString() => Value.ToString("D");
}

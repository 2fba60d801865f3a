namespace Tradewind.Primitives.Ids;

public readonly record struct OrganisationId(Guid Value) : ITypedId<OrganisationId>
{
    public static OrganisationId From(Guid value) => new(value);

    public static OrganisationId New(TimeProvider clock) => new(Guid.CreateVersion7(clock.GetUtcNow()));

    public override string ToString() => Value.ToString("D");
}

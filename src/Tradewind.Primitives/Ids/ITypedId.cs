namespace Tradewind.Primitives.Ids;

/// <summary>
/// A strongly typed identifier wrapping a time-ordered (version 7) <see cref="Guid"/>.
/// Persistence maps every implementation to a single <c>uuid</c>/<c>TEXT</c> column by convention.
/// </summary>
/// <typeparam name="TSelf">The identifier type itself.</typeparam>
public interface ITypedId<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    /// <summary>The underlying GUID.</summary>
    Guid Value { get; }

    /// <summary>Wraps an existing GUID (for example one read from storage).</summary>
    static abstract TSelf From(Guid value);
}

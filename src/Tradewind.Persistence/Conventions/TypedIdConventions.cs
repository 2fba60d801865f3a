using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tradewind.Primitives.Ids;

namespace Tradewind.Persistence.Conventions;

/// <summary>Maps every <see cref="ITypedId{TSelf}"/> in Primitives to its GUID, so entities keep their typed ids.</summary>
public static class TypedIdConventions
{
    private static readonly Type[] IdTypes = typeof(ITypedId<>).Assembly.GetTypes()
        .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>)))
        .ToArray();

    public static void Apply(ModelConfigurationBuilder builder)
    {
        foreach (var idType in IdTypes)
        {
            var converter = typeof(TypedIdConverter<>).MakeGenericType(idType);
            builder.Properties(idType).HaveConversion(converter);
        }
    }
}

/// <summary>Stores a typed id as its GUID.</summary>
public sealed class TypedIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, value => Wrap(value))
    where TId : struct, ITypedId<TId>
{
    // Expression trees cannot call static abstract members directly; a plain static method can.
    private static TId Wrap(Guid value) => TId.From(value);
}

/// <summary>Instants are UTC: PostgreSQL's <c>timestamptz</c> refuses other offsets, and UTC values compare equal.</summary>
public sealed class UtcDateTimeOffsetConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());

/// <summary>On SQLite an instant is its UTC tick count: exact to 100 ns, and ordered and compared in SQL.</summary>
public sealed class UtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

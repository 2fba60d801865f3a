using CsCheck;

namespace Tradewind.Primitives.Tests;

/// <summary>
/// The laws every value type must obey, written once and applied to each type: equality is reflexive and
/// symmetric, agrees with object.Equals and GetHashCode, and ordering is antisymmetric.
/// </summary>
internal static class ValueLaws
{
    /// <summary>Checks the equality laws on a value, a distinct-but-equal copy, and a different value.</summary>
    public static void Equality<T>(T value, T equalValue, T differentValue)
        where T : IEquatable<T>
    {
        Assert.True(value.Equals(value), "Equals is reflexive");
        Assert.True(value.Equals(equalValue), "equal values are Equal");
        Assert.True(equalValue.Equals(value), "Equals is symmetric");
        Assert.True(value.Equals((object)equalValue), "object.Equals agrees with IEquatable");
        Assert.Equal(value.GetHashCode(), equalValue.GetHashCode());

        Assert.False(value.Equals(differentValue), "different values are not Equal");
        Assert.False(differentValue.Equals(value), "inequality is symmetric");
        Assert.False(value.Equals((object)differentValue), "object.Equals agrees on inequality");
        Assert.False(value.Equals(null), "nothing equals null");
        Assert.False(value.Equals(new object()), "nothing equals an object of another type");
    }

    /// <summary>Checks equality laws on many generated pairs: symmetric, and equal values hash alike.</summary>
    public static void Equality<T>(Gen<T> gen)
        where T : IEquatable<T>
    {
        Gen.Select(gen, gen).Sample((a, b) =>
            a.Equals(a)
            && a.Equals(b) == b.Equals(a)
            && a.Equals(b) == a.Equals((object)b)
            && (!a.Equals(b) || a.GetHashCode() == b.GetHashCode()));
    }

    /// <summary>Checks ordering laws on two values where <paramref name="smaller"/> sorts before <paramref name="larger"/>.</summary>
    public static void Ordering<T>(T smaller, T larger)
        where T : IComparable<T>
    {
        Assert.Equal(0, smaller.CompareTo(smaller));
        Assert.True(smaller.CompareTo(larger) < 0, "smaller sorts first");
        Assert.True(larger.CompareTo(smaller) > 0, "comparison is antisymmetric");
    }

    /// <summary>Checks ordering laws on many generated pairs: antisymmetric and consistent with equality.</summary>
    public static void Ordering<T>(Gen<T> gen)
        where T : IComparable<T>, IEquatable<T>
    {
        Gen.Select(gen, gen).Sample((a, b) =>
            Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a))
            && (a.CompareTo(b) == 0) == a.Equals(b));
    }
}

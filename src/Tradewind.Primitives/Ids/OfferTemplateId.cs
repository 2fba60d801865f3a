using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Ids;

/// <summary>Identifies a seller's saved private-offer template.</summary>
/// <remarks>
/// Wraps a non-empty <see cref="Guid"/>; new values are version 7 (time-ordered), so they index well.
/// The text form is the lower-case 36-character "D" format. <c>default</c> wraps <see cref="Guid.Empty"/>
/// and is never a real id: <see cref="From"/> and <see cref="Parse"/> refuse it. The positional
/// constructor exists for serializers and does not check; application code uses <see cref="From"/>.
/// </remarks>
public readonly record struct OfferTemplateId(Guid Value) : ITypedId<OfferTemplateId>
{
    /// <summary>A new time-ordered id stamped with the clock's current UTC time.</summary>
    public static OfferTemplateId New(TimeProvider clock) => new(TypedIds.NewVersion7(clock));

    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public static OfferTemplateId From(Guid value) => new(TypedIds.RequireNonEmpty(value));

    /// <exception cref="FormatException">Not a non-empty GUID in "D" format.</exception>
    public static OfferTemplateId Parse(string value) => new(TypedIds.Parse(value, nameof(OfferTemplateId)));

    public static bool TryParse([NotNullWhen(true)] string? value, out OfferTemplateId id)
    {
        var parsed = TypedIds.TryParse(value, out var guid);
        id = parsed ? new(guid) : default;
        return parsed;
    }

    public override string ToString() => Value.ToString("D");
}

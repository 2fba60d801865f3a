using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Which listing view a subscription came from (<c>analytics_attributions</c>): the view id travelled in the CTA links
/// as a signed token, not in a cookie, and was recorded when the agreement was created. The funnel and the
/// by-language conversion join trials to their first-touch view through it.
/// </summary>
internal sealed class ListingAttribution
{
    public AgreementId AgreementId { get; init; }

    public Guid ViewId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

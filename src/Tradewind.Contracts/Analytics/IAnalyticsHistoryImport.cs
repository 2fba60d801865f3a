using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Analytics;

/// <summary>
/// One listing visit of the past, as capture would have stored it: a <c>listing_view</c>, optionally followed by a CTA
/// click (<c>Cta</c>: <c>trial</c>, <c>subscribe</c>, <c>request_private_offer</c>, <c>contact</c>) and the
/// subscription it led to (<c>AttributedAgreementId</c>). <c>BotReason</c> is null for a human visitor, otherwise why
/// the view was filtered (<c>user_agent</c>, <c>headless</c>, …).
/// </summary>
public sealed record HistoricalListingVisit(
    DateTimeOffset At,
    OrganisationId SellerId,
    ProductId ProductId,
    string? VisitorDayHash,
    string? Source,
    string? Medium,
    string? Campaign,
    string? ReferrerHost,
    string Channel,
    string? Country,
    string Locale,
    string TranslationKind,
    bool Confirmed,
    string? BotReason,
    string? Cta,
    AgreementId? AttributedAgreementId);

/// <summary>
/// Writes past listing traffic straight into the event store: the demo's three months of history and the benchmark's
/// millions of events. Never wired to a public endpoint.
/// </summary>
public interface IAnalyticsHistoryImport
{
    /// <returns>The number of events written (views, clicks).</returns>
    Task<int> ImportVisitsAsync(IReadOnlyList<HistoricalListingVisit> visits, CancellationToken cancellationToken);
}

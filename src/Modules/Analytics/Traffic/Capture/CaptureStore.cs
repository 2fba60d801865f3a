namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Writes captured traffic into <c>analytics_events</c> with raw ADO.NET, values stored the way EF Core stores them so
/// the rollups read them back through the model: one transaction per batch, and one set-based update for the beacon
/// confirmations of views stored by an earlier batch.
/// </summary>
internal abstract class CaptureStore
{
    public const string Table = "analytics_events";

    public const string Columns =
        "id, name, schema_version, occurred_at, received_at, seller_id, product_id, buyer_id, visitor_day_hash, source, medium, " +
        "campaign, content, term, referrer_host, channel, country, locale, translation_kind, is_bot, bot_reason, confirmed, " +
        "attribution_view_id, detail";

    public abstract Task InsertAsync(IReadOnlyList<CapturedEvent> rows, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Confirms stored views (<paramref name="human"/>) and flags those the beacon reported as automated (<paramref name="automated"/>).</summary>
    public abstract Task ConfirmAsync(IReadOnlyList<Guid> human, IReadOnlyList<Guid> automated, CancellationToken cancellationToken);
}

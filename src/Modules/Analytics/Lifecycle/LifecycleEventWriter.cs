using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Events;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Lifecycle;

/// <summary>
/// Appends lifecycle rows to the event store, insert-if-absent by <see cref="AnalyticsEvent.DedupeKey"/>: a redelivered
/// outbox message, or two nodes delivering the same one at once, stores one row and fails neither delivery.
/// </summary>
internal sealed class LifecycleEventWriter(TradewindDbContext db)
{
    /// <summary>Returns whether the row was new.</summary>
    public async Task<bool> AppendAsync(AnalyticsEvent row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentException.ThrowIfNullOrEmpty(row.DedupeKey);
        if (await ExistsAsync(row.DedupeKey, cancellationToken))
        {
            return false;
        }

        db.Set<AnalyticsEvent>().Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            // Another node stored the same key between the check and the insert: that row stands.
            if (await ExistsAsync(row.DedupeKey, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        db.Set<AnalyticsEvent>().AnyAsync(e => e.DedupeKey == key, cancellationToken);
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Today's and yesterday's salts, created on first use (16 random bytes) and kept in memory; every node reads the same
/// row, so a visitor hashes alike on all of them. Used by the capture writer only, never on the page's path.
/// </summary>
internal sealed class VisitorSalts(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly Dictionary<DateOnly, byte[]> _cache = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The salt of <paramref name="day"/>, created when it does not exist yet; null for a day older than yesterday (its salt is gone).</summary>
    public async Task<byte[]?> ForDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (day < today.AddDays(-1))
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(day, out var cached))
            {
                return cached;
            }

            var salt = await LoadOrCreateAsync(day, cancellationToken);
            foreach (var old in _cache.Keys.Where(d => d < today.AddDays(-1)).ToList())
            {
                _cache.Remove(old);
            }

            _cache[day] = salt;
            return salt;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradewindDbContext>();
        if (await db.Set<VisitorSalt>().AsNoTracking().FirstOrDefaultAsync(s => s.Day == day, cancellationToken) is { } existing)
        {
            return existing.Salt;
        }

        db.Add(new VisitorSalt { Day = day, Salt = RandomNumberGenerator.GetBytes(VisitorSalt.Length), CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node created the day's salt first: use theirs.
            db.ChangeTracker.Clear();
        }

        return (await db.Set<VisitorSalt>().AsNoTracking().FirstAsync(s => s.Day == day, cancellationToken)).Salt;
    }

    /// <summary>Deletes the salts whose day began 48 hours or more before <paramref name="now"/>; returns how many went.</summary>
    public async Task<int> DeleteExpiredAsync(TradewindDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var oldestKept = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var deleted = await db.Set<VisitorSalt>().Where(s => s.Day < oldestKept).ExecuteDeleteAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var old in _cache.Keys.Where(d => d < oldestKept).ToList())
            {
                _cache.Remove(old);
            }
        }
        finally
        {
            _gate.Release();
        }

        return deleted;
    }

    public void Dispose() => _gate.Dispose();
}

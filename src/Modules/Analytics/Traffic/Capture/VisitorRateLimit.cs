namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Spec §2.1 layer 4: more than <see cref="CaptureOptions.RateLimitViews"/> listing views of one visitor hash within
/// <see cref="CaptureOptions.RateLimitWindow"/> makes every further view a bot view. In memory, per node, used only by
/// the single capture writer (not thread-safe by design). Right after midnight the visitor's previous-day hash still
/// counts, so a burst crossing midnight is not reset by the new salt.
/// </summary>
internal sealed class VisitorRateLimit(int limit, TimeSpan window)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _views = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>Counts the view and says whether the visitor is over the limit with it.</summary>
    public bool Exceeded(string hash, string? previousDayHash, DateTimeOffset at)
    {
        Sweep(at);
        var views = Recent(hash, at);
        views.Enqueue(at);
        var count = views.Count;
        if (previousDayHash is not null && _views.TryGetValue(previousDayHash, out var before))
        {
            count += Prune(before, at);
        }

        return count > limit;
    }

    public int Tracked => _views.Count;

    private Queue<DateTimeOffset> Recent(string hash, DateTimeOffset at)
    {
        if (!_views.TryGetValue(hash, out var views))
        {
            views = new Queue<DateTimeOffset>();
            _views[hash] = views;
        }

        Prune(views, at);
        return views;
    }

    private int Prune(Queue<DateTimeOffset> views, DateTimeOffset at)
    {
        while (views.Count > 0 && views.Peek() <= at - window)
        {
            views.Dequeue();
        }

        return views.Count;
    }

    private void Sweep(DateTimeOffset at)
    {
        if (at - _lastSweep < window)
        {
            return;
        }

        _lastSweep = at;
        foreach (var (hash, views) in _views.ToList())
        {
            if (Prune(views, at) == 0)
            {
                _views.Remove(hash);
            }
        }
    }
}

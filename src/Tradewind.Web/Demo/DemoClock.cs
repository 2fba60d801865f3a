namespace Tradewind.Web.Demo;

/// <summary>
/// The host's clock when the demo seed is enabled: the inner clock, except while the seed has set it back to create
/// history (agreements accepted three months ago) through the modules' own commands. The seed runs before the host
/// starts, so no request or background job ever reads a rewound time; outside <see cref="Rewind"/> it adds nothing.
/// </summary>
internal sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>Sets the clock <paramref name="by"/> into the past until the returned scope is disposed.</summary>
    public IDisposable Rewind(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Exchange(ref _offsetTicks, -by.Ticks);
        return new Restore(this);
    }

    private sealed class Restore(DemoClock clock) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref clock._offsetTicks, 0);
    }
}

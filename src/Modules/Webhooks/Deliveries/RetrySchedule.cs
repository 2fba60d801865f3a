namespace Tradewind.Webhooks.Deliveries;

/// <summary>
/// When a failed delivery is tried again: exponential back-off with jitter, capped. The base delay after failed attempt
/// <c>n</c> (1-based) is <c>first × factor^(n-1)</c>, never more than <c>max</c>; jitter moves it by up to ±<c>jitter</c>
/// of itself, and the result is again capped at <c>max</c>. After <c>maxAttempts</c> attempts there is no next one.
/// </summary>
internal sealed class RetrySchedule
{
    public RetrySchedule(TimeSpan first, double factor, TimeSpan max, double jitter, int maxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, first);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        First = first;
        Factor = factor;
        Max = max;
        Jitter = jitter;
        MaxAttempts = maxAttempts;
    }

    public TimeSpan First { get; }

    public double Factor { get; }

    public TimeSpan Max { get; }

    public double Jitter { get; }

    public int MaxAttempts { get; }

    public static RetrySchedule From(DeliveryOptions options) =>
        new(options.FirstRetryDelay, options.BackoffFactor, options.MaxRetryDelay, options.Jitter, options.MaxAttempts);

    /// <summary>The delay after failed attempt <paramref name="attempt"/>, before jitter.</summary>
    public TimeSpan BaseDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        // Computed in double seconds and compared before converting, so a large exponent saturates at the cap instead of overflowing.
        var seconds = First.TotalSeconds * Math.Pow(Factor, attempt - 1);
        return double.IsFinite(seconds) && seconds < Max.TotalSeconds ? TimeSpan.FromSeconds(seconds) : Max;
    }

    /// <summary>
    /// The delay after failed attempt <paramref name="attempt"/>, or null when it was the last one.
    /// <paramref name="random"/> is a uniform draw from [0, 1) that places the jitter.
    /// </summary>
    public TimeSpan? DelayAfter(int attempt, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(random);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(random, 1.0);
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        var baseDelay = BaseDelay(attempt);
        var jittered = baseDelay * (1 + (Jitter * ((2 * random) - 1)));
        return jittered < Max ? jittered : Max;
    }
}

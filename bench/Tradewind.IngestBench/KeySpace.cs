namespace Tradewind.IngestBench;

/// <summary>
/// Numbers every natural key (customer × dimension × hour) of the prepared data. Key <c>k</c> is hour <c>k / (C × D)</c>
/// from the first hour, then customer, then dimension, so consecutive keys are one seller's hourly report for a run of
/// customers, and a block of keys taken by one client is never taken by another. REST keys walk back from
/// <see cref="Manifest.RestFirstHour"/>; BatchMeterUsage keys walk forward from <see cref="Manifest.BatchFirstHour"/>:
/// the two never meet.
/// </summary>
internal sealed class KeySpace(Manifest manifest, bool backwards, DateTimeOffset firstHour)
{
    private readonly long _perHour = (long)manifest.Customers.Count * manifest.Dimensions.Count;

    public static KeySpace Rest(Manifest manifest) => new(manifest, backwards: true, manifest.RestFirstHour);

    public static KeySpace Batch(Manifest manifest) => new(manifest, backwards: false, manifest.BatchFirstHour);

    public long KeysPerHour => _perHour;

    public UsageKey this[long key]
    {
        get
        {
            var hourIndex = key / _perHour;
            var rest = key % _perHour;
            var customer = (int)(rest / manifest.Dimensions.Count);
            var dimension = (int)(rest % manifest.Dimensions.Count);
            var hour = firstHour.AddHours(backwards ? -hourIndex : hourIndex);
            return new UsageKey(key, customer, dimension, hour, key % 997);
        }
    }

    /// <summary>The first key of the hour that starts at <paramref name="hour"/> (forward key spaces).</summary>
    public long FirstKeyOf(DateTimeOffset hour) => (long)(hour - firstHour).TotalHours * _perHour;
}

/// <param name="Customer">Index into <see cref="Manifest.Customers"/>.</param>
/// <param name="Dimension">Index into <see cref="Manifest.Dimensions"/>.</param>
/// <param name="Hour">The record's timestamp: the start of its UTC hour.</param>
internal readonly record struct UsageKey(long Key, int Customer, int Dimension, DateTimeOffset Hour, long Quantity);

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// The random key of one UTC day's visitor hashes (<c>analytics_visitor_salts</c>). Only today's and yesterday's
/// exist: <see cref="VisitorSaltCleanupJob"/> deletes a salt once its day began more than 48 hours ago.
/// </summary>
internal sealed class VisitorSalt
{
    public const int Length = 16;

    public DateOnly Day { get; init; }

    public required byte[] Salt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

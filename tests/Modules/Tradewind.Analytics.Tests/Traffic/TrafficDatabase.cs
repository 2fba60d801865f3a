using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Events;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Tests.Traffic;

/// <summary>A throw-away SQLite file with the analytics tables, for rollup tests.</summary>
internal sealed class TrafficDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tradewind-traffic-tests", Guid.NewGuid().ToString("N"));
    private DbContextOptions<TradewindDbContext> _options = null!;

    public static async Task<TrafficDatabase> CreateAsync()
    {
        var database = new TrafficDatabase();
        Directory.CreateDirectory(database._directory);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(database._directory, "analytics.db")}", database._directory);
        var options = new DbContextOptionsBuilder<TradewindDbContext>();
        settings.Configure(options);
        database._options = options.Options;
        await using var db = database.Open();
        await db.Database.EnsureCreatedAsync();
        return database;
    }

    public TradewindDbContext Open() => new(_options, AnalyticsModel.Contributors());

    public async Task AddAsync(params AnalyticsEvent[] events)
    {
        await using var db = Open();
        db.AddRange(events);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

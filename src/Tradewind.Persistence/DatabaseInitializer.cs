using Microsoft.EntityFrameworkCore;

namespace Tradewind.Persistence;

/// <summary>
/// Brings the database to the current schema at start-up. On SQLite it also creates the data directory and
/// switches the file to write-ahead logging, so readers never block the writer. EF Core takes a migration lock,
/// so several nodes starting together on PostgreSQL apply each migration once.
/// </summary>
public sealed class DatabaseInitializer(TradewindDbContext db, DatabaseSettings settings)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}

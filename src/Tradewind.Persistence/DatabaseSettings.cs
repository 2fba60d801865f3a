using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Tradewind.Persistence;

/// <summary>
/// Where the data lives, read once from configuration: <c>Database:Provider</c> (<c>Sqlite</c> by default or
/// <c>Postgres</c>), <c>ConnectionStrings:Tradewind</c>, and <c>DataDirectory</c> (default <c>./data</c>, relative to
/// the content root) for the SQLite file and other local files.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string SqliteMigrationsAssembly = "Tradewind.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Tradewind.Migrations.Postgres";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; use 'Sqlite' or 'Postgres'.");
        }

        var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] is { Length: > 0 } d ? d : "data", contentRoot);
        var connectionString = configuration.GetConnectionString("Tradewind");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Tradewind is empty. Set it, e.g. " +
                    "ConnectionStrings__Tradewind='Host=localhost;Database=tradewind;Username=tradewind;Password=…'.");
            }

            connectionString = $"Data Source={Path.Combine(dataDirectory, "tradewind.db")}";
        }

        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).EnableRetryOnFailure());
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {Provider}.");
        }

        options.UseSnakeCaseNamingConvention();
    }
}

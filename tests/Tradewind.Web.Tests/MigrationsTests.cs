using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Persistence;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

/// <summary>Each provider's migration set must match the model the web host runs with.</summary>
public sealed class MigrationsTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    [Fact]
    public void The_SQLite_migrations_are_current_with_the_model()
    {
        using var context = new Migrations.Sqlite.DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_migrations_are_current_with_the_model()
    {
        using var context = new Migrations.Postgres.DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Migrations/Postgres");
    }

    [Fact]
    public void The_design_time_model_has_every_table_the_web_host_uses()
    {
        using var scope = app.Services.CreateScope();
        var hostTables = scope.ServiceProvider.GetRequiredService<TradewindDbContext>().Model.GetEntityTypes().Select(e => e.GetTableName()).ToHashSet();
        using var designTime = new Migrations.Sqlite.DesignTimeDbContextFactory().CreateDbContext([]);
        var designTables = designTime.Model.GetEntityTypes().Select(e => e.GetTableName()).ToHashSet();

        Assert.Equal(hostTables.Order(StringComparer.Ordinal), designTables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_running_database_has_every_migration_applied()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TradewindDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(app.Database.Provider == DatabaseProvider.Sqlite, db.Database.IsSqlite());
    }
}

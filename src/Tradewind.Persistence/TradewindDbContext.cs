using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Conventions;
using Tradewind.Persistence.Idempotency;
using Tradewind.Persistence.Outbox;

namespace Tradewind.Persistence;

/// <summary>
/// The one unit of work for a request. Modules contribute their tables through <see cref="IModelContributor"/>,
/// so a state change, its outbox events and its audit entry commit in one transaction.
/// See docs/decisions/0002-one-dbcontext-composed-by-modules.md.
/// </summary>
public class TradewindDbContext(DbContextOptions<TradewindDbContext> options, IEnumerable<IModelContributor> contributors)
    : DbContext(options), IDataProtectionKeyContext
{
    private readonly IReadOnlyList<IModelContributor> _contributors = contributors.ToList();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>ASP.NET Core's data-protection keys (they sign cookies and antiforgery tokens), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the provider's execution strategy, so a transient
    /// failure (a dropped PostgreSQL connection) retries the whole unit, never half of it. The work must make all
    /// its changes itself: tracked changes from a failed attempt are discarded before the next. Called inside a
    /// transaction already open on this context, it joins that transaction.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
        {
            // Already inside a unit of work (one module's step called by another's transaction): join it, so both
            // commit or roll back together; the outer call owns the retry.
            return work(cancellationToken);
        }

        var attempt = 0;
        return Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                if (attempt++ > 0)
                {
                    ChangeTracker.Clear();
                }

                await using var transaction = await Database.BeginTransactionAsync(ct);
                var result = await work(ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = RefuseAppendOnlyChanges();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = RefuseAppendOnlyChanges();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Detects changes (once: the save that follows does not detect them again) and refuses an update or delete of an
    /// append-only row. Returns whether changes were detected automatically, for the caller to restore afterwards.
    /// </summary>
    private bool RefuseAppendOnlyChanges()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        try
        {
            foreach (var entry in ChangeTracker.Entries<IAppendOnly>())
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException($"{entry.Entity.GetType().Name} rows are append-only: they are never updated or deleted.");
                }
            }
        }
        catch
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
            throw;
        }

        return detect;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        TypedIdConventions.Apply(configurationBuilder);
        if (Database.IsSqlite())
        {
            // SQLite has no instant type and EF cannot order or compare its text form; UTC ticks sort correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        OutboxMessage.Configure(modelBuilder);
        IdempotencyRecord.Configure(modelBuilder);
        AuditEntry.Configure(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");
        foreach (var contributor in _contributors)
        {
            contributor.Configure(modelBuilder);
        }
    }
}

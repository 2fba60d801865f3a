using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Analytics.Lifecycle;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Tests.Lifecycle;

/// <summary>The analytics tables on a throwaway SQLite file, a clock stopped on 2026-11-28 10:00 UTC, and the lifecycle services.</summary>
internal sealed class LifecycleStore : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tradewind-analytics-tests", Guid.NewGuid().ToString("N"));

    public LifecycleStore()
    {
        Directory.CreateDirectory(_directory);
        var options = new DbContextOptionsBuilder<TradewindDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "analytics.db")};Pooling=false", _directory).Configure(options);
        Db = new TradewindDbContext(options.Options, AnalyticsModel.Contributors());
        Db.Database.EnsureCreated();
        Consumers = new LifecycleEventConsumers(new LifecycleEventWriter(Db), Db, LifecycleTestAccounts.Create(), LifecycleTestAgreements.Create(), Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public TradewindDbContext Db { get; }

    public LifecycleEventConsumers Consumers { get; }

    public LifecycleReports Reports => new(Db, Clock);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Every buyer is a Japanese organisation without a billing profile.</summary>
public class LifecycleTestAccounts : DispatchProxy
{
    public static IAccountsQueries Create() => Create<IAccountsQueries, LifecycleTestAccounts>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        nameof(IAccountsQueries.FindBuyerProfileAsync) => Task.FromResult<BuyerProfileDto?>(null),
        nameof(IAccountsQueries.FindOrganisationAsync) => Task.FromResult<OrganisationDto?>(
            new OrganisationDto((OrganisationId)args![0]!, "Buyer KK", OrganisationKind.Buyer, "JP", null, DateTimeOffset.UnixEpoch)),
        _ => throw new NotSupportedException(targetMethod?.Name),
    };
}

/// <summary>No agreement is found (the consumers then fall back to the event's own facts).</summary>
public class LifecycleTestAgreements : DispatchProxy
{
    public static IAgreementsQueries Create() => Create<IAgreementsQueries, LifecycleTestAgreements>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        nameof(IAgreementsQueries.FindAsync) => Task.FromResult<AgreementDto?>(null),
        _ => throw new NotSupportedException(targetMethod?.Name),
    };
}

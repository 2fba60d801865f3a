using CsCheck;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Data;
using Tradewind.Metering.Storage;
using Tradewind.Metering.Submissions;
using Tradewind.Metering.Usage;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Tests.Usage;

/// <summary>The group-commit writer against a real SQLite file: the unique indexes decide, the first record wins.</summary>
public sealed class UsageWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset BaseHour = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    private static readonly OrganisationId Seller = new(Guid.CreateVersion7());

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tradewind-metering-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private UsageWriter _writer = null!;
    private string _connectionString = "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _connectionString = $"Data Source={Path.Combine(_directory, "metering.db")}";
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, _connectionString, _directory);
        var options = new DbContextOptionsBuilder<TradewindDbContext>();
        settings.Configure(options);
        await using (var db = new TradewindDbContext(options.Options, [new MeteringModel()]))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<MeteringOptions>();
        services.AddSingleton<UsageStore>(new SqliteUsageStore(settings));
        services.AddSingleton<FirstUsageRecorder>();
        services.AddSingleton<UsageWriter>();
        _services = services.BuildServiceProvider();
        _writer = _services.GetRequiredService<UsageWriter>();
        await _writer.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task For_any_sequence_of_submissions_the_first_record_of_each_key_is_stored_and_counted_once()
    {
        var record = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[0, 2], Gen.Long[0, 2]);
        var submissions = record.Array[1, 8].Array[1, 6];

        await submissions.SampleAsync(async sequence =>
        {
            var prefix = Guid.NewGuid().ToString("N");
            var pending = sequence.Select(records => Pending(records.Select(r => ($"{prefix}-c{r.Item1}", $"d{r.Item2}", BaseHour.AddHours(r.Item3), r.Item4)).ToArray())).ToList();

            // Queued together, so some share a transaction; the queue keeps their order.
            var results = await Task.WhenAll(pending.Select(p => _writer.WriteAsync(p)));

            var first = new Dictionary<(string, string, DateTimeOffset), (long Quantity, UsageRecordId Id)>();
            for (var s = 0; s < pending.Count; s++)
            {
                foreach (var candidate in pending[s].Candidates)
                {
                    var outcome = results[s].Outcomes[candidate.Index];
                    var key = (candidate.CustomerIdentifier, candidate.Dimension, candidate.Hour);
                    if (!first.TryGetValue(key, out var original))
                    {
                        Assert.Equal((UsageOutcomeStatus.Accepted, false, candidate.Id), (outcome.Status, outcome.Replayed, outcome.RecordId!.Value));
                        first[key] = (candidate.Quantity, candidate.Id);
                        continue;
                    }

                    var expected = candidate.Quantity == original.Quantity ? UsageOutcomeStatus.Accepted : UsageOutcomeStatus.Duplicate;
                    Assert.Equal((expected, original.Id), (outcome.Status, outcome.RecordId!.Value));
                }
            }

            var stored = await StoredAsync(prefix);
            Assert.Equal(first.ToDictionary(f => f.Key, f => f.Value.Quantity).OrderBy(k => k.Key).ToList(), stored.OrderBy(k => k.Key).ToList());
            Assert.Equal(first.Values.Sum(v => v.Quantity), stored.Values.Sum());
        }, iter: 60);
    }

    [Fact]
    public async Task An_idempotency_key_is_unique_per_seller_and_the_submission_log_is_written_with_the_records()
    {
        var prefix = Guid.NewGuid().ToString("N");
        var first = Pending([($"{prefix}-a", "d", BaseHour, 1)], "key-1");
        var again = Pending([($"{prefix}-b", "d", BaseHour, 1)], "key-1");

        var results = await Task.WhenAll(_writer.WriteAsync(first), _writer.WriteAsync(again));

        Assert.Equal(UsageOutcomeStatus.Accepted, results[0].Outcomes[0].Status);
        Assert.Equal((UsageOutcomeStatus.Duplicate, UsageDuplicate.IdempotencyKey), (results[1].Outcomes[0].Status, results[1].Outcomes[0].Code));
        Assert.Single(await StoredAsync(prefix));
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {MeteringModel.SubmissionsTable} WHERE id IN ($a, $b)";
        command.Parameters.AddWithValue("$a", first.Id.ToString("D").ToUpperInvariant());
        command.Parameters.AddWithValue("$b", again.Id.ToString("D").ToUpperInvariant());
        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task A_stored_row_reads_back_through_ef_core_with_every_value_as_written()
    {
        var prefix = Guid.NewGuid().ToString("N");
        var submission = Pending([($"{prefix}-kundé-東京", "größe·µs", BaseHour.AddHours(3), 42)], "schlüssel-1");
        var written = submission.Candidates[0];
        var candidate = new UsageCandidate
        {
            Index = 0,
            Id = written.Id,
            SellerId = Seller,
            ProductId = new ProductId(Guid.CreateVersion7()),
            AgreementId = new AgreementId(Guid.CreateVersion7()),
            BuyerId = new OrganisationId(Guid.CreateVersion7()),
            CustomerIdentifier = written.CustomerIdentifier,
            Dimension = written.Dimension,
            Hour = written.Hour,
            Timestamp = written.Hour.AddMinutes(17),
            Quantity = 42,
            Source = UsageSource.BatchMeterUsage,
            IdempotencyKey = "schlüssel-1",
            AllocationsJson = """[{"quantity":42,"tags":[{"key":"région","value":"eu-west-1"}]}]""",
            ReceivedAt = written.Hour.AddMinutes(20),
            SubmissionId = submission.Id,
        };
        var pending = new PendingSubmission
        {
            Id = submission.Id,
            SellerId = Seller,
            Source = UsageSource.BatchMeterUsage,
            Actor = "test",
            ReceivedAt = candidate.ReceivedAt,
            Records = submission.Records,
            Outcomes = new UsageRecordOutcome?[1],
            Candidates = [candidate],
        };

        var result = await _writer.WriteAsync(pending);
        Assert.Equal(UsageOutcomeStatus.Accepted, result.Outcomes[0].Status);

        var options = new DbContextOptionsBuilder<TradewindDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, _connectionString, _directory).Configure(options);
        await using var db = new TradewindDbContext(options.Options, [new MeteringModel()]);
        var row = await db.Set<UsageRecord>().AsNoTracking().SingleAsync(r => r.Id == candidate.Id, TestContext.Current.CancellationToken);
        Assert.Equal(
            (candidate.SellerId, candidate.ProductId, candidate.AgreementId, candidate.BuyerId, candidate.CustomerIdentifier, candidate.Dimension),
            (row.SellerId, row.ProductId, row.AgreementId, row.BuyerId, row.CustomerIdentifier, row.Dimension));
        Assert.Equal((candidate.Hour, candidate.Timestamp, candidate.Quantity, candidate.Source), (row.Hour, row.Timestamp, row.Quantity, row.Source));
        Assert.Equal((candidate.IdempotencyKey, candidate.AllocationsJson, candidate.ReceivedAt, candidate.SubmissionId), (row.IdempotencyKey, row.AllocationsJson, row.ReceivedAt, row.SubmissionId));
    }

    private static PendingSubmission Pending((string Customer, string Dimension, DateTimeOffset Hour, long Quantity)[] records, string? idempotencyKey = null)
    {
        var id = Guid.CreateVersion7();
        var inputs = records.Select(r => new UsageRecordInput(r.Customer, null, r.Dimension, r.Quantity, r.Hour, idempotencyKey)).ToList();
        var candidates = records.Select((r, i) => new UsageCandidate
        {
            Index = i,
            Id = new UsageRecordId(Guid.CreateVersion7()),
            SellerId = Seller,
            ProductId = new ProductId(Guid.Empty),
            AgreementId = new AgreementId(Guid.Empty),
            BuyerId = new OrganisationId(Guid.Empty),
            CustomerIdentifier = r.Customer,
            Dimension = r.Dimension,
            Hour = r.Hour,
            Timestamp = r.Hour,
            Quantity = r.Quantity,
            Source = UsageSource.Import,
            IdempotencyKey = idempotencyKey,
            ReceivedAt = r.Hour,
            SubmissionId = id,
        }).ToList();
        return new PendingSubmission
        {
            Id = id,
            SellerId = Seller,
            Source = UsageSource.Import,
            Actor = "test",
            ReceivedAt = BaseHour,
            Records = inputs,
            Outcomes = new UsageRecordOutcome?[records.Length],
            Candidates = candidates,
        };
    }

    private async Task<Dictionary<(string, string, DateTimeOffset), long>> StoredAsync(string prefix)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT customer_identifier, dimension, \"hour\", quantity FROM {MeteringModel.RecordsTable} WHERE customer_identifier LIKE $prefix";
        command.Parameters.AddWithValue("$prefix", prefix + "%");
        var stored = new Dictionary<(string, string, DateTimeOffset), long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add((reader.GetString(0), reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)), reader.GetInt64(3));
        }

        return stored;
    }
}

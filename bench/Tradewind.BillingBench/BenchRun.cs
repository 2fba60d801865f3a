using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tradewind.Contracts.Billing;
using Tradewind.Web.Hosting;

namespace Tradewind.BillingBench;

/// <summary>
/// One run on a fresh copy of the prepared database: (a) the raw aggregate, one plain SQL
/// <c>SELECT agreement_id, dimension, SUM(quantity) … GROUP BY</c> over the billed month's records read to the end; then
/// (b) the billing run through <see cref="IBillingCommands.RunAsync"/> — what <c>POST /api/v1/billing-runs</c> and the
/// monthly job call — as of the 1st of the next month, finalizing, timed end to end. Then it checks that every agreement
/// was rated (the run's count, the ledger and the invoices) and reports the process's peak RSS.
/// </summary>
internal static class BenchRun
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var manifest = Manifest.Load(Path.GetFullPath(options.Required("manifest")));
        var runNumber = options.Int("run", 1);
        var connection = await FreshCopyAsync(manifest, runNumber, cancellationToken);
        try
        {
            var (aggregateSeconds, groups, quantity) = await AggregateAsync(manifest, connection, cancellationToken);
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"run {runNumber} {manifest.Provider}: raw aggregate {aggregateSeconds:F2} s ({groups} agreement × dimension totals, {quantity} units)"));

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(Prepare.Settings(manifest.Provider, connection, manifest.DataDirectory));
            builder.AddTradewind();
            builder.Logging.ClearProviders();
            if (Environment.GetEnvironmentVariable("BENCH_SQL_LOG") == "1")
            {
                // Profiling aid: every statement EF Core executes, with its duration, on stderr.
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
                builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
                builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            }

            await using var app = builder.Build();
            await app.InitializeTradewindAsync(cancellationToken);

            BillingRunDto run;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var billing = scope.ServiceProvider.GetRequiredService<IBillingCommands>();
                run = await billing.RunAsync(new BillingRunRequest(manifest.AsOf, Finalize: true), "bench", "system:billing-bench", cancellationToken);
            }

            var runSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            // CPU time of the whole process during the run (the machine is shared: less sensitive to load than seconds).
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var check = await CheckAsync(manifest, connection, run, cancellationToken);
            var rssMb = ReadStatusKb("VmHWM:") / 1024.0;
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"run {runNumber} {manifest.Provider}: billing run {runSeconds:F2} s ({runSeconds / aggregateSeconds:F1}× the aggregate, {cpuSeconds:F1} s CPU), {run.AgreementsRated} agreements rated, {run.InvoicesDrafted} invoices drafted, {run.InvoicesFinalized} finalized, {run.Errors.Count} errors; peak RSS {rssMb:F0} MB{(check.Ok ? "" : "; FAILED: " + check.Problem)}"));
            foreach (var error in run.Errors.Take(5))
            {
                await Console.Error.WriteLineAsync("  " + error);
            }

            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    command = "run",
                    provider = manifest.Provider,
                    run = runNumber,
                    agreements = manifest.Agreements,
                    records = manifest.Records,
                    aggregateSeconds,
                    aggregateGroups = groups,
                    billingSeconds = runSeconds,
                    billingCpuSeconds = cpuSeconds,
                    ratio = runSeconds / aggregateSeconds,
                    agreementsPerSecond = run.AgreementsRated / runSeconds,
                    agreementsRated = run.AgreementsRated,
                    ledgerAgreements = check.LedgerAgreements,
                    invoicesDrafted = run.InvoicesDrafted,
                    invoicesFinalized = run.InvoicesFinalized,
                    invoicesStored = check.Invoices,
                    errors = run.Errors.Count,
                    peakRssMb = rssMb,
                    ok = check.Ok,
                    problem = check.Problem,
                },
                Manifest.Json).ReplaceLineEndings("").Replace("  ", "", StringComparison.Ordinal));
            return check.Ok ? 0 : 1;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("KEEP") != "1")
            {
                await DropCopyAsync(manifest, connection, CancellationToken.None);
            }
        }
    }

    /// <summary>The raw aggregate: one statement over the month's records, every row read.</summary>
    private static async Task<(double Seconds, long Groups, long Quantity)> AggregateAsync(Manifest manifest, string connectionString, CancellationToken ct)
    {
        await using var connection = Sql.Connection(manifest, connectionString);
        await connection.OpenAsync(ct);
        var timestamp = (await Sql.ColumnsAsync(manifest, connection, ct)).Single(c => c.Name == "timestamp");
        var started = Stopwatch.GetTimestamp();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 600;
        command.CommandText = $"SELECT agreement_id, dimension, SUM(quantity) FROM {Sql.Table} WHERE timestamp >= @from AND timestamp < @to GROUP BY agreement_id, dimension";
        UsageLoader.AddInstant(command, "@from", timestamp, manifest.Month);
        UsageLoader.AddInstant(command, "@to", timestamp, manifest.AsOf);
        long groups = 0, quantity = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                _ = reader.GetValue(0);
                _ = reader.GetString(1);
                quantity += reader.GetInt64(2);
                groups++;
            }
        }

        return (Stopwatch.GetElapsedTime(started).TotalSeconds, groups, quantity);
    }

    private static async Task<Check> CheckAsync(Manifest manifest, string connectionString, BillingRunDto run, CancellationToken ct)
    {
        await using var connection = Sql.Connection(manifest, connectionString);
        await connection.OpenAsync(ct);
        var ledger = await Sql.ScalarLongAsync(connection, "SELECT COUNT(DISTINCT agreement_id) FROM billing_rated_periods", ct);
        var invoices = await Sql.ScalarLongAsync(connection, "SELECT COUNT(*) FROM billing_invoices", ct);
        var problems = new List<string>();
        if (run.AgreementsRated != manifest.Agreements)
        {
            problems.Add($"{run.AgreementsRated} of {manifest.Agreements} agreements rated");
        }

        if (ledger != manifest.Agreements)
        {
            problems.Add($"{ledger} of {manifest.Agreements} agreements in the rated-period ledger");
        }

        if (run.Errors.Count > 0)
        {
            problems.Add($"{run.Errors.Count} errors");
        }

        if (invoices != run.InvoicesDrafted || run.InvoicesFinalized != run.InvoicesDrafted)
        {
            problems.Add($"{invoices} invoices stored, {run.InvoicesDrafted} drafted, {run.InvoicesFinalized} finalized");
        }

        return new Check(problems.Count == 0, problems.Count == 0 ? null : string.Join("; ", problems), ledger, invoices);
    }

    private static async Task<string> FreshCopyAsync(Manifest manifest, int run, CancellationToken ct)
    {
        if (!manifest.IsPostgres)
        {
            var template = new SqliteConnectionStringBuilder(manifest.TemplateConnectionString).DataSource;
            var copy = Path.Combine(manifest.DataDirectory, string.Create(CultureInfo.InvariantCulture, $"run-{run}.db"));
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(copy + suffix);
            }

            File.Copy(template, copy);
            return $"Data Source={copy}";
        }

        var builder = new NpgsqlConnectionStringBuilder(manifest.ConnectionString);
        var database = string.Create(CultureInfo.InvariantCulture, $"{builder.Database}_run{run}");
        var templateDatabase = new NpgsqlConnectionStringBuilder(manifest.TemplateConnectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(manifest.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(ct);
        await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", ct);
        await Sql.ExecuteAsync(admin, $"CREATE DATABASE \"{database}\" TEMPLATE \"{templateDatabase}\"", ct);
        return new NpgsqlConnectionStringBuilder(manifest.ConnectionString) { Database = database }.ConnectionString;
    }

    private static async Task DropCopyAsync(Manifest manifest, string connection, CancellationToken ct)
    {
        if (!manifest.IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(connection).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(manifest.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(ct);
        await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", ct);
    }

    private static long ReadStatusKb(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private sealed record Check(bool Ok, string? Problem, long LedgerAgreements, long Invoices);
}

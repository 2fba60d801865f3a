using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Metering;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

/// <summary>
/// Issue 5, item 3: a record is acknowledged only after it is committed. The real server runs as a child process on the
/// test database; concurrent clients ingest without pause, the server is killed with SIGKILL mid-stream and started
/// again on the same database, and every acknowledged record must be there exactly once, with nothing stored that was
/// not sent. Runs on the provider the test run is configured for (SQLite or PostgreSQL).
/// </summary>
public sealed class UsageDurabilityTests(UsageApp app) : IClassFixture<UsageApp>
{
    private const int Clients = 8;
    private const int BatchSize = 50;
    private const int Customers = 12;
    private const int Hours = 480;
    private static readonly string[] Dimensions = ["requests", "gigabytes"];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_record_survives_a_killed_server_exactly_once()
    {
        // The cast and subscriptions are made through the in-process host (same services as every API test); the
        // agreements start on the fake clock's date, weeks before the real clock the child process runs on.
        var customers = new List<string>();
        for (var i = 0; i < Customers; i++)
        {
            var buyer = await NewBuyerAsync($"Durable Buyer {i}");
            customers.Add((await app.SubscribeAsync(app.SellerA, buyer, $"Durable Metering {i}", TimeSpan.Zero)).CustomerIdentifier);
        }

        var now = TimeProvider.System.GetUtcNow();
        var firstHour = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(now.Hour);
        // Every natural key the clients may send, with the quantity sent for it; each client owns a slice.
        var keys = customers.SelectMany(c => Dimensions.SelectMany(d => Enumerable.Range(1, Hours).Select(h => new SentRecord(c, d, firstHour.AddHours(-h), 1 + ((h * 7) % 1000)))))
            .ToList();
        var sent = keys.ToDictionary(k => (k.Customer, k.Dimension, k.Hour));
        var acknowledged = new ConcurrentDictionary<Guid, SentRecord>();

        await using (var server = await ChildServer.StartAsync(app.Database, _ct))
        {
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients)
                .Select(n => Task.Run(() => IngestAsync(server.BaseAddress, keys.Where((_, i) => i % Clients == n).ToList(), acknowledged, stop.Token), CancellationToken.None))
                .ToArray();

            // Kill while the clients are still sending: after a good share of the records is acknowledged, before all are.
            var deadline = Stopwatch.StartNew();
            while (acknowledged.Count < keys.Count / 5 && deadline.Elapsed < TimeSpan.FromMinutes(3) && !clients.All(c => c.IsCompleted))
            {
                await Task.Delay(5, _ct);
            }

            Assert.False(clients.All(c => c.IsCompleted), "The clients finished before the server was killed; send more records.");
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        Assert.NotEmpty(acknowledged);
        Assert.True(acknowledged.Count < keys.Count, "Every record was acknowledged before the kill.");

        await using (var restarted = await ChildServer.StartAsync(app.Database, _ct))
        {
            var stored = await StoredRecordsAsync();

            // Exactly once: one row per natural key, and every acknowledged record is one of them with what was sent.
            Assert.Equal(stored.Count, stored.Select(r => (r.CustomerIdentifier, r.Dimension, r.Hour)).Distinct().Count());
            var byId = stored.ToDictionary(r => r.Id.Value);
            foreach (var (id, record) in acknowledged)
            {
                Assert.True(byId.TryGetValue(id, out var row), $"Acknowledged record {id} is missing after the restart.");
                Assert.Equal((record.Customer, record.Dimension, record.Hour, record.Quantity), (row.CustomerIdentifier, row.Dimension, row.Hour, row.Quantity));
            }

            // Nothing half-written: every stored row is a record that was sent, whole.
            Assert.All(stored, r => Assert.Equal(sent[(r.CustomerIdentifier, r.Dimension, r.Hour)].Quantity, r.Quantity));

            // The restarted server answers a resend of acknowledged records with their original ids.
            var resend = acknowledged.Take(BatchSize).ToList();
            using var client = Client(restarted.BaseAddress);
            var replay = await PostAsync(client, resend.Select(a => a.Value).ToList(), _ct);
            var results = replay!["results"]!.AsArray();
            for (var i = 0; i < resend.Count; i++)
            {
                Assert.Equal("accepted", (string?)results[i]!["status"]);
                Assert.True((bool)results[i]!["replayed"]!);
                Assert.Equal(resend[i].Key, Guid.Parse((string)results[i]!["recordId"]!));
            }
        }
    }

    private async Task IngestAsync(Uri server, List<SentRecord> mine, ConcurrentDictionary<Guid, SentRecord> acknowledged, CancellationToken stop)
    {
        using var client = Client(server);
        for (var offset = 0; offset < mine.Count && !stop.IsCancellationRequested; offset += BatchSize)
        {
            var batch = mine.Skip(offset).Take(BatchSize).ToList();
            JsonObject? response;
            try
            {
                response = await PostAsync(client, batch, stop);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                // The server died mid-request: nothing of this batch was acknowledged.
                return;
            }

            if (response is null)
            {
                return;
            }

            var results = response["results"]!.AsArray();
            for (var i = 0; i < batch.Count; i++)
            {
                Assert.Equal("accepted", (string?)results[i]!["status"]);
                acknowledged[Guid.Parse((string)results[i]!["recordId"]!)] = batch[i];
            }
        }
    }

    private HttpClient Client(Uri server)
    {
        var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.SellerA.ApiKey);
        return client;
    }

    /// <summary>Posts a batch; the parsed body on 200, null on any other status (a server shutting down).</summary>
    private static async Task<JsonObject?> PostAsync(HttpClient client, IReadOnlyList<SentRecord> batch, CancellationToken cancellationToken)
    {
        var records = new JsonArray(batch.Select(r => (JsonNode)new JsonObject
        {
            ["customerIdentifier"] = r.Customer,
            ["dimension"] = r.Dimension,
            ["quantity"] = r.Quantity,
            ["timestamp"] = r.Hour.AddMinutes(17).ToString("O"),
        }).ToArray());
        using var response = await client.PostAsync("/api/v1/usage", Body(new JsonObject { ["records"] = records }), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
    }

    private async Task<Tenant> NewBuyerAsync(string name) => await app.WithScopeAsync(async sp =>
    {
        var accounts = sp.GetRequiredService<IAccountsCommands>();
        var organisation = await accounts.CreateOrganisationAsync(new NewOrganisation(name, OrganisationKind.Buyer, "JP"), "test", _ct);
        return new Tenant(organisation, (await accounts.IssueApiKeyAsync(organisation.Id, "test key", "test", _ct)).Secret);
    });

    private async Task<List<UsageRecordDto>> StoredRecordsAsync() => await app.WithScopeAsync(async sp =>
    {
        var queries = sp.GetRequiredService<IUsageQueries>();
        var caller = new UsageCaller(app.Operator.Organisation.Id, Roles.Operator, "test");
        var all = new List<UsageRecordDto>();
        for (var number = 1; ; number++)
        {
            var page = await queries.ListRecordsAsync(new UsageRecordFilter(), caller, new PageRequest(number, PageRequest.MaxSize), _ct);
            all.AddRange(page.Items);
            if (!page.HasNext)
            {
                return all;
            }
        }
    });

    private sealed record SentRecord(string Customer, string Dimension, DateTimeOffset Hour, long Quantity);

    /// <summary>The built <c>Tradewind.Web.dll</c> run by <c>dotnet</c> on the test database, on a free loopback port.</summary>
    private sealed class ChildServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        private ChildServer(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<ChildServer> StartAsync(TestDatabase database, CancellationToken cancellationToken)
        {
            var port = FreePort();
            var directory = AppContext.BaseDirectory;
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(directory, "Tradewind.Web.dll"));
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Database__Provider"] = database.Provider.ToString();
            start.Environment["ConnectionStrings__Tradewind"] = database.ConnectionString;
            start.Environment["DataDirectory"] = database.DataDirectory;
            start.Environment["Demo__Seed"] = "false";
            start.Environment["Outbox__Enabled"] = "false";
            start.Environment["Webhooks__Delivery__Enabled"] = "false";
            start.Environment["Agreements__SweepInterval"] = "00:00:00";
            // The agreements began on the fixture's fake clock, weeks ago for the real one: widen the REST window.
            start.Environment["Metering__RestMaxAge"] = $"{Hours + 48}:00:00";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var server = new ChildServer(process, new Uri($"http://127.0.0.1:{port}"));
            process.OutputDataReceived += (_, e) => server.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var probe = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{server.Output()}");
                }

                try
                {
                    if ((await probe.GetAsync("/health/live", cancellationToken)).IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Slow to answer while starting.
                }

                if (waited.Elapsed > TimeSpan.FromMinutes(2))
                {
                    server.Kill();
                    throw new TimeoutException($"The server did not answer within two minutes:\n{server.Output()}");
                }

                await Task.Delay(100, cancellationToken);
            }
        }

        /// <summary>SIGKILL: no shutdown hooks, no flushing, as in a crash.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public ValueTask DisposeAsync()
        {
            Kill();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            _output.Enqueue(line);
            while (_output.Count > 200 && _output.TryDequeue(out _))
            {
            }
        }

        private string Output() => string.Join('\n', _output);

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

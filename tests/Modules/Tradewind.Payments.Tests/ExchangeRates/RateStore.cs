using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Payments.Data;
using Tradewind.Payments.ExchangeRates;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;

namespace Tradewind.Payments.Tests.ExchangeRates;

/// <summary>The exchange-rate services on a throwaway SQLite file, with a clock stopped on Friday 27 November 2026.</summary>
internal sealed class RateStore : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tradewind-payments-tests", Guid.NewGuid().ToString("N"));

    public RateStore(string? ecbUrl = null, HttpMessageHandler? ecb = null)
    {
        Directory.CreateDirectory(_directory);
        var options = new DbContextOptionsBuilder<TradewindDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "payments.db")};Pooling=false", _directory).Configure(options);
        Db = new TradewindDbContext(options.Options, [new PaymentsModel()]);
        Db.Database.EnsureCreated();
        var book = new RateBook(Db);
        Commands = new ExchangeRateCommands(Db, new AuditTrail(Db, Clock), Clock, new Handlers(ecb ?? new Unreachable()), Options.Create(new FxOptions { EcbUrl = ecbUrl }));
        Queries = new ExchangeRateQueries(Db, book, Clock);
        Converter = new CurrencyConverter(Db, book, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public TradewindDbContext Db { get; }

    public ExchangeRateCommands Commands { get; }

    public ExchangeRateQueries Queries { get; }

    public CurrencyConverter Converter { get; }

    public async Task ImportAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await Commands.ImportEcbAsync(file, Path.GetFileName(path), "test", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class Handlers(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("No network in tests.");
    }
}

/// <summary>Answers every request with one file, as the ECB's server would.</summary>
internal sealed class FileServer(string path, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StreamContent(File.OpenRead(path)) });
    }
}

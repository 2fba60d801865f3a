using System.Text.Json;

namespace Tradewind.IngestBench;

/// <summary>What <c>prepare</c> made and every other command reads: where the database is and who sends usage.</summary>
/// <param name="Provider"><c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="ConnectionString">The prepared database the server runs on.</param>
/// <param name="TemplateConnectionString">An untouched copy of the prepared database (a file, or a PostgreSQL template database)
/// that <c>baseline</c> copies afresh for each run.</param>
/// <param name="ClockOffsetHours">The preparation ran this many hours in the past, so the agreements were in force for every
/// hour the drivers report usage for.</param>
/// <param name="RestFirstHour">The UTC hour of REST key 0; REST keys go back in time from there, one hour per
/// customers × dimensions keys.</param>
/// <param name="RestLastHour">The oldest hour REST keys may use.</param>
/// <param name="BatchFirstHour">The UTC hour of BatchMeterUsage key 0; these keys go forward in time (BatchMeterUsage accepts
/// only the last 24 hours), up to the current hour.</param>
internal sealed record Manifest(
    string Provider,
    string ConnectionString,
    string TemplateConnectionString,
    string DataDirectory,
    Guid SellerId,
    Guid ProductId,
    string ProductCode,
    string ApiKey,
    string AccessKeyId,
    string SecretAccessKey,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<BenchCustomer> Customers,
    int ClockOffsetHours,
    DateTimeOffset RestFirstHour,
    DateTimeOffset RestLastHour,
    DateTimeOffset BatchFirstHour,
    DateTimeOffset PreparedAt)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public static Manifest Load(string path) =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.");

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}

/// <summary>A subscribed buyer: the AWS-style customer identifier and its agreement.</summary>
internal sealed record BenchCustomer(string CustomerIdentifier, Guid AgreementId, Guid BuyerId);

/// <summary>
/// What the runs against the prepared server database have used so far, kept next to the manifest: the next fresh key of
/// each driver and the number of records the server acknowledged (what <c>verify</c> expects to find stored).
/// </summary>
internal sealed record BenchState(long RestCursor, long BatchCursor, long Acknowledged)
{
    public static string PathFor(string manifestPath) => Path.ChangeExtension(manifestPath, ".state.json");

    public static BenchState Load(string manifestPath)
    {
        var path = PathFor(manifestPath);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<BenchState>(File.ReadAllText(path), Manifest.Json) ?? new BenchState(0, 0, 0)
            : new BenchState(0, 0, 0);
    }

    public void Save(string manifestPath) => File.WriteAllText(PathFor(manifestPath), JsonSerializer.Serialize(this, Manifest.Json));
}
